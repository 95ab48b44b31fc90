/**
 * The agent's web dashboard: static pages served from the classpath and the uPlot charting
 * library from its WebJar. The page is plain HTML, CSS and JavaScript that polls the JSON API
 * under {@code /api/v1}; nothing is fetched from the internet.
 */
package dev.asios.agent.dashboard;

/**
 * The network collector: traffic, error and drop counters of every interface from
 * {@code /proc/net/dev}, with series that come and go with the interfaces, up to a cap.
 */
package dev.asios.observe.net;

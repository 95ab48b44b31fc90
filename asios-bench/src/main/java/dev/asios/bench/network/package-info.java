/**
 * The network target: a TCP stream between two endpoints, measured by ASIOS's own sender and
 * receiver and, in the same run, by iperf3 on the same path (loopback, or a veth pair between two
 * network namespaces that the benchmark makes and removes).
 */
package dev.asios.bench.network;

package dev.asios.agent;

import dev.asios.host.sysroot.Sysroot;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

/** A whole agent (eBPF off) in a child JVM for {@link AgentKillTest}: prints "up", then runs until killed. */
final class AgentChild {

    private AgentChild() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        Agent agent = Agent.start(new AgentSettings(InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(200), state, state.resolve("tune"), Sysroot.host(), false), "test");
        System.out.println("up " + agent.address().getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

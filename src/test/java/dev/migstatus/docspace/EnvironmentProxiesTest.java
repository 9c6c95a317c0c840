package dev.migstatus.docspace;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which proxy a request goes through, by scheme and host, as curl reads the same variables. */
class EnvironmentProxiesTest {

    private static String via(Map<String, String> env, String uri) {
        Proxy proxy = EnvironmentProxies.from(env).select(URI.create(uri)).get(0);
        return proxy == Proxy.NO_PROXY ? "direct" : ((InetSocketAddress) proxy.address()).getHostString() + ":"
                + ((InetSocketAddress) proxy.address()).getPort();
    }

    @Test
    void eachSchemeHasItsOwnVariableAndLowerCaseWins() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://upper.example:3128", "https_proxy", "lower.example:8080",
                "HTTP_PROXY", "http://plain.example");
        assertEquals("lower.example:8080", via(env, "https://portal.example/api"));
        assertEquals("plain.example:1080", via(env, "http://portal.example/api"), "curl's port when none is given");
        assertEquals("direct", via(Map.of("HTTP_PROXY", "http://plain.example:80"), "https://portal.example/api"));
    }

    @Test
    void noProxyMatchesHostsDomainsAndAll() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.example:3128",
                "NO_PROXY", "intranet.example, .corp.example:443,10.1.2.3");
        assertEquals("direct", via(env, "https://intranet.example/"));
        assertEquals("direct", via(env, "https://docspace.intranet.example/"));
        assertEquals("direct", via(env, "https://a.corp.example/"));
        assertEquals("direct", via(env, "https://10.1.2.3/"));
        assertEquals("proxy.example:3128", via(env, "https://notintranet.example/"), "a domain, not a suffix of letters");
        assertEquals("proxy.example:3128", via(env, "https://portal.example/"));
        assertEquals("direct", via(Map.of("HTTPS_PROXY", "http://proxy.example:3128", "no_proxy", "*"), "https://portal.example/"));
        assertEquals("direct", via(Map.of("HTTPS_PROXY", "http://proxy.example:3128"), "https://localhost:8443/"));
    }

    @Test
    void withoutProxyVariablesTheJvmDecides() {
        assertNull(EnvironmentProxies.from(Map.of("NO_PROXY", "example.com")));
    }
}

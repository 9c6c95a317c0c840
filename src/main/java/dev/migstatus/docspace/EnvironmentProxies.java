package dev.migstatus.docspace;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxies the environment names, as curl and most tools read them: {@code https_proxy} for
 * https portals, {@code http_proxy} for http ones (lower case first, then upper case), and
 * {@code no_proxy} for hosts reached directly. Java's HTTP client reads none of them by itself.
 * A portal on this machine is never reached through a proxy: the proxy could not reach it, and an
 * http one would see the key.
 */
public final class EnvironmentProxies extends ProxySelector {

    /** curl's port for a proxy given without one. */
    private static final int DEFAULT_PORT = 1080;

    private final Proxy https;
    private final Proxy http;
    private final List<String> direct;
    private final boolean noneAtAll;
    private final String description;

    private EnvironmentProxies(Proxy https, Proxy http, List<String> direct, boolean noneAtAll, String description) {
        this.https = https;
        this.http = http;
        this.direct = direct;
        this.noneAtAll = noneAtAll;
        this.description = description;
    }

    /**
     * The proxies {@code env} names, or null when it names none (the JVM's own proxy settings then apply).
     *
     * @throws IllegalArgumentException for a proxy migstatus cannot use, with a message fit to show
     */
    public static EnvironmentProxies from(Map<String, String> env) {
        String httpsVar = firstSet(env, "https_proxy", "HTTPS_PROXY");
        String httpVar = firstSet(env, "http_proxy", "HTTP_PROXY");
        if (httpsVar == null && httpVar == null) {
            return null;
        }
        String noProxyVar = firstSet(env, "no_proxy", "NO_PROXY");
        List<String> direct = new ArrayList<>();
        boolean none = false;
        if (noProxyVar != null) {
            for (String entry : env.get(noProxyVar).split("[,\\s]+")) {
                String host = hostOf(entry.strip().toLowerCase(Locale.ROOT));
                if (host.equals("*")) {
                    none = true;
                } else if (!host.isEmpty()) {
                    direct.add(host.startsWith(".") ? host.substring(1) : host);
                }
            }
        }
        Proxy https = httpsVar == null ? null : proxy(httpsVar, env.get(httpsVar));
        Proxy http = httpVar == null ? null : proxy(httpVar, env.get(httpVar));
        StringBuilder description = new StringBuilder();
        if (https != null) {
            description.append("https through ").append(text(https)).append(" (").append(httpsVar).append(')');
        }
        if (http != null) {
            description.append(description.length() > 0 ? ", " : "").append("http through ").append(text(http))
                    .append(" (").append(httpVar).append(')');
        }
        if (noProxyVar != null) {
            description.append("; ").append(noProxyVar).append(" reached directly");
        }
        return new EnvironmentProxies(https, http, List.copyOf(direct), none, description.toString());
    }

    /** For -v: which proxy serves which scheme, and from which variable. */
    public String description() {
        return description;
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (proxy == null || noneAtAll || PortalUrl.isLoopbackHost(host) || bypassed(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // The request's own failure says it; there is no other proxy to try.
    }

    /** no_proxy's entries: the host itself, or a domain it is in. */
    private boolean bypassed(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (String entry : direct) {
            if (bare.equals(entry) || bare.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }

    /** A no_proxy entry without its port: {@code host:8080} and {@code [::1]:8080} are hosts. */
    private static String hostOf(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close > 0 ? entry.substring(1, close) : entry;
        }
        int colon = entry.indexOf(':');
        return colon >= 0 && entry.indexOf(':', colon + 1) < 0 ? entry.substring(0, colon) : entry;
    }

    private static Proxy proxy(String variable, String value) {
        String text = value.strip();
        URI uri;
        try {
            uri = new URI(text.contains("://") ? text : "http://" + text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a proxy address (http://proxy.example.com:3128)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(variable + " carries a user name and password, and migstatus sends no"
                    + " proxy credentials; use a proxy that lets this machine through, or leave " + variable + " unset");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(variable + " is a " + uri.getScheme() + ":// proxy; migstatus speaks to"
                    + " proxies in plain http (https portals through a CONNECT tunnel): give http://" + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(variable + " has no valid host name and port (http://proxy.example.com:3128)");
        }
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(),
                uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort()));
    }

    private static String text(Proxy proxy) {
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        return address.getHostString() + ":" + address.getPort();
    }
}

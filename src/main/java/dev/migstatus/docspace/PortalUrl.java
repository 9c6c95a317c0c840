package dev.migstatus.docspace;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where the portal lives, as the user gave it with {@code --host}: a bare host name means https,
 * and a path prefix ({@code https://example.com/docspace/}) is kept for portals behind a proxy.
 */
public final class PortalUrl {

    private final URI base;

    private PortalUrl(URI base) {
        this.base = base;
    }

    /**
     * @throws IllegalArgumentException with a message fit to show the user
     */
    public static PortalUrl parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("the host is empty");
        }
        String text = input.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + input + "' is not a host name or URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("'" + input + "' is not an http or https address");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException("'" + redactUserInfo(input) + "' carries a user name or password; give the key with --key-file instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves the host null for anything that is not a valid host[:port], e.g. an underscore.
            throw new IllegalArgumentException("'" + input + "' has no valid host name and port"
                    + " (a host name takes letters, digits, dots and dashes; a port 1-65535)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("'" + input + "': port " + uri.getPort() + " is out of range (1-65535)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + input + "' has a query or fragment; give only the portal address");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            URI base = new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null);
            return new PortalUrl(URI.create(base + path));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + input + "' is not a host name or URL");
        }
    }

    private static String redactUserInfo(String input) {
        return input.replaceAll("//[^/@]*@", "//[redacted]@");
    }

    /** The address of an API path under the portal, e.g. {@code api/2.0/migration/status}. */
    public URI resolve(String apiPath) {
        return URI.create(base + "/" + apiPath);
    }

    public boolean isHttps() {
        return "https".equals(base.getScheme());
    }

    public String host() {
        return base.getHost();
    }

    /** Host and, when it is not the scheme's default, port: what messages name. */
    public String authority() {
        return base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    /**
     * Whether the portal is this machine: every address its host resolves to is a loopback address.
     * Judged by the addresses, not by how the name reads: a hosts entry can point
     * {@code portal.localhost} at a machine on the network. A name that does not resolve is not this machine.
     */
    public boolean isLoopback() {
        List<InetAddress> addresses = addresses();
        return !addresses.isEmpty() && addresses.stream().allMatch(InetAddress::isLoopbackAddress);
    }

    /** The addresses the host resolves to now; none when it does not resolve. */
    public List<InetAddress> addresses() {
        String h = base.getHost();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            return List.of(InetAddress.getAllByName(h));
        } catch (UnknownHostException | SecurityException unresolved) {
            return List.of();
        }
    }

    /** True for a name that reads as this machine: {@code localhost}, 127.0.0.0/8, ::1 (see {@link #isLoopback()}). */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Scheme, host and effective port: the only place the credential may be sent. */
    public static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    public String origin() {
        return originOf(base);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}

package dev.migstatus.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The names a fleet's rows and log lines give its portals: as short as they can be while still
 * telling them apart. {@code https://berlin.example.com} and {@code https://paris.example.com}
 * become {@code berlin} and {@code paris}; portals on one server at {@code /p1} and {@code /p2}
 * become {@code p1} and {@code p2}; anything else keeps its host, port and path.
 */
public final class ShortNames {

    private ShortNames() {
    }

    /** @param urls base URLs, as {@code PortalUrl} writes them; names come back in the same order */
    public static List<String> of(List<String> urls) {
        List<String> full = new ArrayList<>();
        for (String url : urls) {
            int scheme = url.indexOf("://");
            full.add(scheme >= 0 ? url.substring(scheme + 3) : url);
        }
        if (full.size() < 2) {
            return full;
        }
        List<String> shorter = samePlaceDifferentPaths(full);
        if (shorter == null) {
            shorter = withoutSharedDomain(full);
        }
        return distinct(shorter) ? shorter : full;
    }

    /** {@code 127.0.0.1:8080/p1}, {@code 127.0.0.1:8080/p2} → {@code p1}, {@code p2}; null when the hosts differ. */
    private static List<String> samePlaceDifferentPaths(List<String> full) {
        String place = authority(full.get(0));
        List<String> paths = new ArrayList<>();
        for (String name : full) {
            if (!authority(name).equals(place) || name.length() == place.length()) {
                return null;
            }
            paths.add(name.substring(place.length() + 1));
        }
        return paths;
    }

    /** {@code berlin.example.com}, {@code paris.example.com} → {@code berlin}, {@code paris}. */
    private static List<String> withoutSharedDomain(List<String> full) {
        String suffix = null;
        for (String name : full) {
            String host = host(name);
            int dot = host.indexOf('.');
            if (dot < 0 || Character.isDigit(host.charAt(host.length() - 1))) {
                return full;
            }
            String domain = host.substring(dot);
            if (suffix == null) {
                suffix = domain;
            } else if (!suffix.equals(domain)) {
                return full;
            }
        }
        List<String> names = new ArrayList<>();
        for (String name : full) {
            String host = host(name);
            names.add(host.substring(0, host.length() - suffix.length()) + name.substring(host.length()));
        }
        return names;
    }

    private static String authority(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    private static String host(String name) {
        String authority = authority(name);
        int colon = authority.lastIndexOf(':');
        return colon < 0 || authority.endsWith("]") ? authority : authority.substring(0, colon);
    }

    private static boolean distinct(List<String> names) {
        return new HashSet<>(names).size() == names.size() && names.stream().noneMatch(String::isEmpty);
    }
}

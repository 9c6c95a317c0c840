package dev.migstatus.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into the jar, and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/migstatus.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return props.getProperty("version", "unknown");
    }

    /** What every request says it comes from. */
    public static String userAgent() {
        return "migstatus/" + version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "migstatus " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}

package dev.ticdcctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The client's version, written into the jar by the build. */
public final class Version implements IVersionProvider {
    public static final String CLIENT = load();

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/ticdcctl/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ticdcctl " + CLIENT};
    }
}

package dev.ticdcctl.client;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which HTTP proxy, if any, carries the requests to a server: one chosen for ticdcctl ({@code --proxy},
 * {@code TICDCCTL_PROXY}), or {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} read as Go's net/http reads
 * them (golang.org/x/net/http/httpproxy, FromEnvironment and Config.useProxy), so that ticdcctl goes where {@code cdc
 * cli} goes: the upper-case name wins over the lower-case one; https URLs use HTTPS_PROXY and http URLs HTTP_PROXY;
 * {@code localhost} and loopback addresses never use a proxy; a NO_PROXY entry is {@code *}, an IP, a CIDR block, or a
 * domain ({@code example.com} matches it and its subdomains, {@code .example.com} only the subdomains), each with an
 * optional {@code :port}.
 */
public final class Proxies {
    /** {@code proxy} is null for a direct connection; {@code why} says where it came from, or why there is none. */
    public record Choice(URI proxy, String why) {
        /** The proxy with its password masked, for messages. */
        public String shown() {
            return proxy == null ? "none" : mask(proxy);
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Choice chosen;
    private final Map<String, String> env;

    private Proxies(Choice chosen, Map<String, String> env) {
        this.chosen = chosen;
        this.env = env;
    }

    /**
     * {@code setting} is ticdcctl's own ({@code --proxy}, {@code TICDCCTL_PROXY}: a URL or {@code none}), used for
     * every server as it is, with {@code source} naming it; null leaves the choice to the environment's variables.
     */
    public static Proxies of(String setting, String source, Map<String, String> env) {
        if (setting == null) {
            return new Proxies(null, env);
        }
        if (setting.equalsIgnoreCase("none")) {
            return new Proxies(new Choice(null, source + " is none"), env);
        }
        return new Proxies(new Choice(parse(setting, source), source), env);
    }

    /** The proxy for requests to {@code server}; throws IllegalArgumentException for a proxy ticdcctl cannot use. */
    public Choice choose(URI server) {
        Choice choice = pick(server);
        if (choice.proxy() != null && choice.proxy().getRawUserInfo() != null && server.getScheme().equals("https")) {
            // jdk.http.auth.tunneling.disabledSchemes=Basic, the JDK's default, keeps Basic out of CONNECT tunnels.
            throw new IllegalArgumentException("the proxy " + choice.shown() + " of " + choice.why() + " has"
                    + " credentials, which Java's HTTP client does not send for https (through a CONNECT tunnel)");
        }
        return choice;
    }

    private Choice pick(URI server) {
        if (chosen != null) {
            return chosen;
        }
        boolean https = server.getScheme().equals("https");
        String name = https ? "HTTPS_PROXY" : "HTTP_PROXY";
        String value = variable(name);
        if (value == null) {
            return new Choice(null, name + " is not set");
        }
        String host = server.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost") || isLoopback(bare)) {
            return new Choice(null, host + " is a loopback address, which never uses a proxy");
        }
        int port = server.getPort() != -1 ? server.getPort() : https ? 443 : 80;
        String noProxy = variable("NO_PROXY");
        if (noProxy != null) {
            for (String entry : noProxy.split(",")) {
                String rule = entry.trim().toLowerCase(Locale.ROOT);
                if (!rule.isEmpty() && matches(rule, bare, port)) {
                    return new Choice(null, "NO_PROXY entry " + rule + " matches " + host);
                }
            }
        }
        return new Choice(parse(value, name), name);
    }

    /** Upper case first, as Go's getEnvAny; an empty value counts as unset. */
    private String variable(String upper) {
        for (String name : List.of(upper, upper.toLowerCase(Locale.ROOT))) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** Whether one NO_PROXY entry exempts {@code host} (lower case, no brackets) at {@code port}. */
    static boolean matches(String rule, String host, int port) {
        if (rule.equals("*")) {
            return true;
        }
        if (rule.contains("/")) {
            return inBlock(rule, host);
        }
        String ruleHost = rule;
        int rulePort = -1;
        int colon = rule.lastIndexOf(':');
        if (rule.startsWith("[") && rule.contains("]:")) {
            ruleHost = rule.substring(1, rule.indexOf(']'));
            rulePort = portOf(rule.substring(rule.indexOf("]:") + 2));
        } else if (colon > 0 && rule.indexOf(':') == colon) {
            ruleHost = rule.substring(0, colon);
            rulePort = portOf(rule.substring(colon + 1));
        } else if (rule.startsWith("[") && rule.endsWith("]")) {
            ruleHost = rule.substring(1, rule.length() - 1);
        }
        if (rulePort == -2 || rulePort != -1 && rulePort != port) {
            return false;
        }
        if (isIp(ruleHost)) {
            return isIp(host) && address(ruleHost).equals(address(host));
        }
        if (ruleHost.startsWith("*.")) {
            ruleHost = ruleHost.substring(1);
        }
        if (ruleHost.startsWith(".")) {
            return host.endsWith(ruleHost);
        }
        return host.equals(ruleHost) || host.endsWith("." + ruleHost);
    }

    private static int portOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -2; // not a port: the entry matches nothing, as Go skips it
        }
    }

    private static boolean inBlock(String cidr, String host) {
        String[] parts = cidr.split("/", 2);
        if (!isIp(parts[0]) || !isIp(host)) {
            return false;
        }
        byte[] network = address(parts[0]).getAddress();
        byte[] candidate = address(host).getAddress();
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (network.length != candidate.length || bits < 0 || bits > network.length * 8) {
            return false;
        }
        int shift = network.length * 8 - bits;
        return new BigInteger(1, network).shiftRight(shift).equals(new BigInteger(1, candidate).shiftRight(shift));
    }

    private static boolean isIp(String text) {
        return IPV4.matcher(text).matches() || text.contains(":") && text.matches("[0-9a-f:.]+");
    }

    /** A literal address, never looked up. */
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal + " is not an IP address", e);
        }
    }

    private static boolean isLoopback(String host) {
        return isIp(host) && address(host).isLoopbackAddress();
    }

    /** A proxy URL as Go takes it: {@code host:port} means {@code http://host:port}; only http proxies work here. */
    private static URI parse(String value, String source) {
        String text = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the proxy " + mask(value) + " of " + source + " is not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the proxy " + mask(uri) + " of " + source + " is not an http:// proxy;"
                    + " ticdcctl (Java's HTTP client) speaks to proxies in plain HTTP only");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the proxy " + mask(uri) + " of " + source + " names no host");
        }
        return uri;
    }

    /** {@code http://user:xxxxx@host:port}: the password never shows (the mask of output.Secrets). */
    static String mask(URI proxy) {
        String user = proxy.getRawUserInfo();
        if (user == null) {
            return proxy.toString();
        }
        int colon = user.indexOf(':');
        String shown = colon < 0 ? user : user.substring(0, colon) + ":xxxxx";
        return proxy.toString().replace(user + "@", shown + "@");
    }

    private static String mask(String text) {
        return text.replaceAll("(//[^:/@]*):[^@/]*@", "$1:xxxxx@");
    }
}

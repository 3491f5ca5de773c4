package dev.ticdcctl.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticdcctl.model.FeatureReleases;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A failed answer as the exception the commands report: TiCDC's error envelope ({@code error_msg}, {@code error_code})
 * of either architecture, the new architecture's raw error object, gin's text 404, or whatever a proxy said.
 */
final class ErrorAnswers {
    /** The hint for a next-gen server's refusal of a missing or unknown keyspace. */
    static final String KEYSPACE_HINT = "give the keyspace with --keyspace NAME (or set it in the context)";
    private static final Set<String> NOT_FOUND_CODES = Set.of("CDC:ErrChangeFeedNotExists", "CDC:ErrCaptureNotExist");
    private static final Set<String> AUTH_CODES = Set.of("CDC:ErrCredentialNotFound", "CDC:ErrUnauthorized");
    private static final String INVALID_PARAM = "CDC:ErrAPIInvalidParam";
    /**
     * The start of TiCDC's plain error when the topology lists no TiDB to log the user in to (ticdc
     * api/middleware/authenticate_middleware.go verify, for the keyspace's TiDB; tiflow pkg/upstream/upstream.go).
     */
    private static final String NO_TIDB = "tidb instance not found in topology";
    /** The table-scheduling routes pingcap/ticdc added, in every release of it. */
    private static final Pattern TABLE_SCHEDULING = Pattern.compile(".*/changefeeds/[^/]+/(move_table"
            + "|move_split_table|split_table_by_region_count|merge_table|get_dispatcher_count|tables)");

    private final Supplier<ObjectMapper> mapper;
    /** The keyspace sent, or null, for the message of a refusal. */
    private final String keyspace;

    ErrorAnswers(Supplier<ObjectMapper> mapper, String keyspace) {
        this.mapper = mapper;
        this.keyspace = keyspace;
    }

    ClientException of(HttpTransport.Response response, String method, String path) {
        int status = response.status();
        JsonNode envelope = parse(mapper.get(), response.body());
        if (isEnvelope(envelope)) {
            String code = envelope.path("error_code").asText("");
            String message = stripCode(envelope.path("error_msg").asText(""), code);
            if (status == 401 && code.isEmpty() && message.startsWith(NO_TIDB)) {
                return noTidb(status, message);
            }
            if (status == 401 || status == 403 || AUTH_CODES.contains(code)) {
                return new UnauthorizedException(status, code, message, null);
            }
            if (NOT_FOUND_CODES.contains(code)) {
                return new NotFoundException(status, code, message, null);
            }
            boolean aboutKeyspace = code.equals(INVALID_PARAM) && message.contains("keyspace");
            return new ApiException(status, code, message, aboutKeyspace ? KEYSPACE_HINT : null);
        }
        if (envelope != null && envelope.isObject() && envelope.has("rfccode")) {
            return keyspaceRefused(status, envelope);
        }
        String excerpt = Excerpt.of(response.body());
        String quoted = excerpt.isEmpty() ? "an empty body" : "a non-JSON body: " + excerpt;
        if (status == 401) {
            return new UnauthorizedException(status, "", "the server refused the request: HTTP 401 with " + quoted, null);
        }
        if (status == 403) {
            // Not TiCDC's own answer: a proxy or gateway in front of it forbids the request.
            return new UnauthorizedException(status, "", "the server refused the request: HTTP 403 Forbidden with "
                    + quoted, "check the credentials, and any access rules of a proxy in front of TiCDC");
        }
        if (status == 404) {
            String route = path.replaceFirst("\\?.*", "");
            return new UnexpectedResponseException("the server does not have the route " + method + " " + route
                    + " (HTTP 404 with " + quoted + ")", missingRouteHint(route));
        }
        return new UnexpectedResponseException("the server answered HTTP " + status + reason(status) + " with " + quoted,
                status == 502 || status == 504 ? "a proxy in front of TiCDC could not reach it" : null);
    }

    /** The 401 of a server that has no TiDB to check the user with: the credentials were not the problem. */
    private UnauthorizedException noTidb(int status, String message) {
        String where = keyspace == null ? "" : " of keyspace '" + keyspace + "'";
        return new UnauthorizedException(status, "", "the server cannot check the user: it finds no TiDB" + where
                + " to log in to (" + message + ")", "start a TiDB" + (keyspace == null ? "" : " for keyspace '"
                + keyspace + "', or name the keyspace meant with --keyspace") + "; the user and password were not"
                + " checked");
    }

    /**
     * Which servers have a route that gin answered 404, from the route tables of each release (tiflow
     * cdc/api/v2/api.go RegisterOpenAPIV2Routes at its tags; ticdc api/v2/api.go RegisterOpenAPIV2Routes and
     * api/v1/api.go RegisterOpenAPIV1Routes); null for a route outside the OpenAPI v2 that nothing here asks.
     */
    private static String missingRouteHint(String route) {
        if (route.equals(TicdcClient.V1_DRAIN)) {
            // Asked only after the v2 drain answered 404, and every new-architecture release has this route.
            return "classic TiCDC drains through POST /api/v2/captures/ID/drain (from v6.5.2), the new architecture"
                    + " through this route: is the address a TiCDC server?";
        }
        if (!route.startsWith(TicdcClient.V2 + "/")) {
            return null;
        }
        if (route.endsWith("/meta_info") || route.matches(".*/captures/[^/]+/drain")) {
            return "TiCDC's new architecture has no such route; 'ticdcctl status' shows which architecture answers";
        }
        if (TABLE_SCHEDULING.matcher(route).matches()) {
            return "only TiCDC's new architecture (v8.5.4 or newer, started with --newarch) has this route";
        }
        if (route.endsWith("/get_all_tables") || route.endsWith("/log/redact")) {
            return "only TiCDC's new architecture has this route, from v8.5.6";
        }
        if (route.matches(".*/changefeeds/[^/]+/status")) {
            return "classic TiCDC has this route from v6.5.3 and v7.1.0 (v6.5.2, v6.6 and v7.0 lack it)";
        }
        if (route.matches(".*/changefeeds/[^/]+/synced")) {
            return "'changefeed synced' needs " + FeatureReleases.SYNCED_NEEDS + "; 'ticdcctl version' shows the"
                    + " server's";
        }
        return "the OpenAPI v2 needs TiCDC v6.5.2 or newer: is the address a TiCDC server of such a version?";
    }

    /**
     * pingcap/ticdc writes the error's prototype instead of the envelope when its keyspace check refuses a request
     * on a release (ticdc api/middleware/middleware.go KeyspaceCheckerMiddleware) or the keyspace is not enabled
     * (ticdc api/v2/changefeed.go CreateChangefeed): {@code {"class","code","message","rfccode"}}, no details.
     */
    private ApiException keyspaceRefused(int status, JsonNode raw) {
        String code = raw.path("rfccode").asText("");
        String said = raw.path("message").asText("").strip();
        if (!code.equals(INVALID_PARAM)) {
            return new ApiException(status, code, said.isEmpty() ? "the server reported an error without a message"
                    : said, null);
        }
        String message = keyspace == null ? "the server requires a keyspace, and none was given"
                : "the server refused keyspace '" + keyspace + "': it does not exist or is not enabled";
        return new ApiException(status, code, message + (said.isEmpty() ? "" : " (it said: " + said + ")"),
                KEYSPACE_HINT);
    }

    /** Whether {@code body} is TiCDC's error envelope. */
    static boolean isEnvelope(JsonNode body) {
        return body != null && body.isObject() && (body.has("error_msg") || body.has("error_code"));
    }

    /** The JSON of a body, or null when it is empty or not JSON. */
    static JsonNode parse(ObjectMapper mapper, byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** TiCDC writes {@code "[CDC:ErrX]message"}; the code is reported separately, so drop the prefix. */
    private static String stripCode(String message, String code) {
        String prefix = "[" + code + "]";
        String stripped = !code.isEmpty() && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return stripped.isBlank() ? "the server reported an error without a message" : stripped.strip();
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }
}

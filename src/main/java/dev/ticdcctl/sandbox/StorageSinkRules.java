package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of the cloud-storage sink family ({@code s3://}, {@code gcs://}, {@code azblob://}, {@code file://},
 * ...) and of the CSV protocol it writes, in TiCDC's order, with TiCDC's codes and messages.
 */
final class StorageSinkRules {
    private static final String SINK_INVALID_CONFIG = "CDC:ErrSinkInvalidConfig";
    private static final int MIN_FILE_INDEX_WIDTH = 6;
    private static final int MAX_FILE_INDEX_WIDTH = 20;
    private static final Set<String> DATE_SEPARATORS = Set.of("none", "year", "month", "day");

    private StorageSinkRules() {}

    /**
     * The storage and CSV part of tiflow pkg/config/sink.go {@code SinkConfig.validateAndAdjust}: the CSV protocol
     * (which a storage URI can name for any scheme) refuses delete-only output; storage URIs get their date
     * separator, file index width and CSV settings checked.
     */
    static void validate(ObjectNode sink, SinkKind kind, String canonicalProtocol) {
        if (ConfigFields.isTrue(sink, "delete_only_output_handle_key_columns") && "csv".equals(canonicalProtocol)) {
            throw new ApiError(500, SINK_INVALID_CONFIG, "CSV protocol always output all columns for the delete event,"
                    + " do not set `delete-only-output-handle-key-columns` to true");
        }
        if (kind != SinkKind.STORAGE) {
            return;
        }
        String separator = ConfigFields.text(sink, "date_separator", "");
        if (!separator.isEmpty() && !DATE_SEPARATORS.contains(separator.toLowerCase(Locale.ROOT))) {
            // TiCDC passes an argument to a message without %s (DateSeparator.FromString), hence Go's EXTRA marker.
            throw sinkInvalidConfig("[CDC:ErrStorageSinkInvalidDateSeparator]date separator in storage sink is invalid"
                    + "%!(EXTRA string=" + separator + ")");
        }
        long width = ConfigFields.integer(sink, "file_index_width", 0);
        if (width < MIN_FILE_INDEX_WIDTH || width > MAX_FILE_INDEX_WIDTH) {
            sink.put("file_index_width", MAX_FILE_INDEX_WIDTH); // silently, as TiCDC does
        }
        ObjectNode csv = ConfigFields.object(sink, "csv");
        if (csv != null) {
            validateCsv(csv);
        }
    }

    /** tiflow pkg/config/sink.go {@code CSVConfig.validateAndAdjust}; lengths are Go's, in UTF-8 bytes. */
    private static void validateCsv(ObjectNode csv) {
        String quote = ConfigFields.text(csv, "quote", "");
        String delimiter = ConfigFields.text(csv, "delimiter", "");
        int quoteBytes = quote.getBytes(StandardCharsets.UTF_8).length;
        int delimiterBytes = delimiter.getBytes(StandardCharsets.UTF_8).length;
        boolean delimiterHasLineBreak = delimiter.indexOf('\r') >= 0 || delimiter.indexOf('\n') >= 0;
        if (quoteBytes > 1) {
            throw sinkInvalidConfig("csv config quote contains more than one character");
        }
        if (quote.equals("\r") || quote.equals("\n")) {
            throw sinkInvalidConfig("csv config quote cannot be line break character");
        }
        if (delimiterBytes == 0) {
            throw sinkInvalidConfig("csv config delimiter cannot be empty");
        }
        if (delimiterBytes > 3) {
            throw sinkInvalidConfig("csv config delimiter contains more than three characters, note that escape"
                    + " sequences can only be used in double quotes in toml configuration items.");
        }
        if (delimiterHasLineBreak) {
            throw sinkInvalidConfig("csv config delimiter contains line break characters");
        }
        if (!quote.isEmpty() && delimiter.codePoints().anyMatch(c -> quote.indexOf(c) >= 0)) {
            throw sinkInvalidConfig("csv config quote and delimiter has common characters which is not allowed");
        }
        if (!Set.of("hex", "base64").contains(ConfigFields.text(csv, "binary_encoding_method", ""))) {
            throw sinkInvalidConfig("csv config binary-encoding-method can only be hex or base64");
        }
    }

    /**
     * The connection-free refusal of tiflow cdc/sink/dmlsink/cloudstorage/cloud_storage_dml_sink.go
     * {@code NewDMLSink}: the storage sink encodes only csv and canal-json.
     */
    static void checkCanBeOpened(String canonicalProtocol) {
        if (!"csv".equals(canonicalProtocol) && !"canal-json".equals(canonicalProtocol)) {
            throw new ApiError(500, "CDC:ErrStorageSinkInvalidConfig", "storage sink config invalid: "
                    + "[CDC:ErrSinkUnknownProtocol]unknown '" + canonicalProtocol + "' message protocol for sink");
        }
    }

    /**
     * Opening the external storage (tiflow pkg/util/external_storage.go {@code GetExternalStorage}) fails when the
     * bucket host, or the host of an {@code endpoint} parameter (S3-compatible stores), cannot be resolved.
     */
    static void open(GoUrl url) {
        String host = unreachableHost(url);
        if (host != null) {
            // The code is DFLOW-prefixed and the Sprintf quirk is in TiCDC's own message.
            throw new ApiError(500, "DFLOW:ErrFailToCreateExternalStorage", "failed to create external storage"
                    + "%!(EXTRA string=creating ExternalStorage for s3): " + UnreachableHosts.lookupFailure(host));
        }
    }

    private static String unreachableHost(GoUrl url) {
        String endpoint = url.queryValue("endpoint");
        if (!endpoint.isEmpty()) {
            try {
                String endpointHost = GoUrl.parse(endpoint).hostname();
                if (UnreachableHosts.contains(endpointHost)) {
                    return endpointHost;
                }
            } catch (GoUrl.ParseException e) {
                // an unparsable endpoint is the storage client's problem, not a lookup failure
            }
        }
        String host = url.hostname();
        return !host.isEmpty() && UnreachableHosts.contains(host) ? host : null;
    }

    private static ApiError sinkInvalidConfig(String cause) {
        return new ApiError(500, SINK_INVALID_CONFIG, "sink config invalid: " + cause);
    }
}

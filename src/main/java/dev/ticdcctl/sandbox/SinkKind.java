package dev.ticdcctl.sandbox;

import java.util.Arrays;
import java.util.List;

/** The sink families of pkg/sink/sink_type.go, keyed by the (already lower-cased) URI scheme. */
enum SinkKind {
    MYSQL("mysql", "mysql+ssl", "tidb", "tidb+ssl"),
    KAFKA("kafka", "kafka+ssl"),
    PULSAR("pulsar", "pulsar+ssl", "pulsar+http", "pulsar+https"),
    STORAGE("s3", "file", "gcs", "gs", "azblob", "azure", "noop"),
    BLACKHOLE("blackhole"),
    UNSUPPORTED;

    private final List<String> schemes;

    SinkKind(String... schemes) {
        this.schemes = List.of(schemes);
    }

    static SinkKind of(String scheme) {
        return Arrays.stream(values()).filter(k -> k.schemes.contains(scheme)).findFirst().orElse(UNSUPPORTED);
    }

    boolean isMq() {
        return this == KAFKA || this == PULSAR;
    }
}

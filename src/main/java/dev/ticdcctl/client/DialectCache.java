package dev.ticdcctl.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.util.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What each server address answered to the dialect probes, remembered for {@link #FRESH} in one small JSON file of
 * the user's cache directory, so that only the first command of a while asks. Losing it costs a probe, never a
 * failure: a corrupt, unreadable or unwritable file is ignored (and said with --debug). Writers take a lock on a
 * file beside it and replace the file by an atomic rename, so concurrent invocations never read half a file.
 */
public final class DialectCache {
    /** Long enough for a session of commands, short enough that an upgrade in place is soon noticed. */
    public static final Duration FRESH = Duration.ofMinutes(10);

    private final Path file;
    private final Supplier<ObjectMapper> mapper;
    private final Clock clock;
    private final Consumer<String> debug;

    /** {@code debug} gets a line on each problem with the file; it may ignore them. */
    public DialectCache(Path directory, Supplier<ObjectMapper> mapper, Clock clock, Consumer<String> debug) {
        this.file = directory.resolve("servers.json");
        this.mapper = mapper;
        this.clock = clock;
        this.debug = debug;
    }

    /** The fresh dialect remembered for {@code server}, or null. */
    public ServerDialect get(String server) {
        JsonNode entry = read().path(server);
        Instant at = instant(entry.path("at").asText(""));
        if (at == null || at.isAfter(clock.instant()) || at.plus(FRESH).isBefore(clock.instant())) {
            return null;
        }
        ServerDialect.Arch arch = ServerDialect.Arch.of(entry.path("arch").asText(""));
        ServerDialect.Kernel kernel = ServerDialect.Kernel.of(entry.path("kernel").asText(""));
        if (arch == ServerDialect.Arch.UNKNOWN || kernel == ServerDialect.Kernel.UNKNOWN) {
            return null;
        }
        long ago = Duration.between(at, clock.instant()).toSeconds();
        return new ServerDialect(arch, kernel, "remembered from " + ago + "s ago in " + file);
    }

    /** Remembers a known dialect; entries that are no longer fresh are dropped meanwhile. */
    public void put(String server, ServerDialect dialect) {
        if (!dialect.known()) {
            return;
        }
        try {
            PrivateFiles.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file.resolveSibling("servers.json.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    debug.accept("dialect cache " + file + " is being written by another ticdcctl; not remembered");
                    return;
                }
                ObjectNode all = read();
                all.properties().removeIf(e -> {
                    Instant at = instant(e.getValue().path("at").asText(""));
                    return at == null || at.plus(FRESH).isBefore(clock.instant());
                });
                all.putObject(server).put("arch", dialect.arch().label()).put("kernel", dialect.kernel().label())
                        .put("at", clock.instant().toString());
                Path temporary = file.resolveSibling("servers.json." + ProcessHandle.current().pid() + ".tmp");
                PrivateFiles.write(temporary, mapper.get().writeValueAsBytes(all));
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException e) {
            debug.accept("dialect cache " + file + " not written: " + e);
        }
    }

    private ObjectNode read() {
        try {
            JsonNode tree = mapper.get().readTree(Files.readAllBytes(file));
            if (tree instanceof ObjectNode object) {
                return object;
            }
            debug.accept("dialect cache " + file + " is not a JSON object; ignored");
        } catch (NoSuchFileException e) {
            // nothing remembered yet
        } catch (IOException | RuntimeException e) {
            debug.accept("dialect cache " + file + " ignored: " + e.getMessage());
        }
        return mapper.get().createObjectNode();
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ticdcctl.util.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the sandbox keeps its {@link ClusterState}: in memory, or in a state directory that several processes may
 * use at once. Changes to a directory are serialised by a lock (across threads and processes) and written by atomic
 * replace, so concurrent invocations neither corrupt nor lose each other's changes.
 */
abstract class StateStore {
    /** Reads the state; the function must not change it. */
    abstract <T> T read(Function<ClusterState, T> reader);

    /** Changes the state; if the function throws, nothing is kept. */
    abstract <T> T write(Function<ClusterState, T> writer);

    static StateStore inMemory(ClusterState initial) {
        return new Memory(initial);
    }

    /** A store in {@code directory}, created with {@code initial} when the directory holds no state yet. */
    static StateStore inDirectory(Path directory, Supplier<ClusterState> initial) {
        return new Directory(directory, initial);
    }

    /** The state file cannot be read or written; never answered by starting afresh. */
    static final class StateException extends RuntimeException {
        StateException(String message) {
            super(message);
        }
    }

    private static final class Memory extends StateStore {
        private ClusterState state;

        Memory(ClusterState state) {
            this.state = state;
        }

        @Override
        synchronized <T> T read(Function<ClusterState, T> reader) {
            return reader.apply(state);
        }

        @Override
        synchronized <T> T write(Function<ClusterState, T> writer) {
            // Work on a copy so that a refused request leaves no half-made change behind.
            ClusterState changed = state.copy();
            T result = writer.apply(changed);
            state = changed;
            return result;
        }
    }

    private static final class Directory extends StateStore {
        /** One lock per state file in this JVM: file locks do not exclude threads of the same process. */
        private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

        private final Path file;
        private final Path lockFile;
        private final ReentrantLock lock;
        private final Supplier<ClusterState> initial;
        /**
         * The state last read or written and its bytes: most requests find the file unchanged and share it rather
         * than parse it again (every request reads the state several times). Compared by content, which no
         * timestamp granularity or reused inode can fool.
         */
        private volatile Parsed lastParsed;

        private record Parsed(byte[] bytes, ClusterState state) {}

        Directory(Path directory, Supplier<ClusterState> initial) {
            try {
                PrivateFiles.createDirectories(directory); // the state holds sink URIs with their passwords
                PrivateFiles.createFile(directory.resolve("state.lock"));
            } catch (IOException e) {
                throw unusable(directory, e);
            }
            this.file = directory.resolve("state.json").toAbsolutePath().normalize();
            this.lockFile = directory.resolve("state.lock");
            // Keyed by the real path: two spellings of one directory must share the lock, or the second file lock
            // taken in this process fails with OverlappingFileLockException.
            this.lock = LOCKS.computeIfAbsent(realPath(directory), d -> new ReentrantLock());
            this.initial = initial;
        }

        private static Path realPath(Path directory) {
            try {
                return directory.toRealPath();
            } catch (IOException e) {
                throw unusable(directory, e);
            }
        }

        /** Names the part of the path in the way: the directory itself or a parent that is a file. */
        private static Sandbox.UnusableStateDirectory unusable(Path directory, IOException e) {
            String what = "the sandbox state directory " + directory;
            for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    return new Sandbox.UnusableStateDirectory(p.equals(directory.toAbsolutePath())
                            ? what + " is not a directory" : what + " cannot be created: " + p + " is not a directory");
                }
            }
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.toString();
            return new Sandbox.UnusableStateDirectory(what + " cannot be created: " + reason);
        }

        @Override
        <T> T read(Function<ClusterState, T> reader) {
            ClusterState state = load();
            return reader.apply(state != null ? state : write(s -> s));
        }

        @Override
        @SuppressWarnings("try") // the file lock is held for the block, not used in it
        <T> T write(Function<ClusterState, T> writer) {
            lock.lock();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                ClusterState loaded = load();
                // A copy: the loaded state may be the one readers share, and a refused change must leave it alone.
                ClusterState state = loaded == null ? initial.get() : loaded.copy();
                T result = writer.apply(state);
                save(state);
                return result;
            } catch (IOException e) {
                throw new StateException("cannot update the sandbox state " + file + ": " + e.getMessage());
            } finally {
                lock.unlock();
            }
        }

        /** The state on disk, or null when there is none yet. */
        private ClusterState load() {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new StateException("cannot read the sandbox state " + file + ": " + e.getMessage());
            }
            Parsed last = lastParsed;
            if (last != null && Arrays.equals(last.bytes, bytes)) {
                return last.state;
            }
            try {
                ClusterState state = MAPPER.readValue(bytes, ClusterState.class);
                if (state == null || !ClusterState.READABLE_FORMATS.contains(state.format)) {
                    throw new StateException("the sandbox state " + file + " has an unknown format; move it aside to"
                            + " start a new sandbox");
                }
                String inconsistency = state.inconsistency();
                if (inconsistency != null) {
                    throw damaged("", inconsistency);
                }
                state.format = ClusterState.FORMAT;
                lastParsed = new Parsed(bytes, state);
                return state;
            } catch (JsonProcessingException e) {
                var where = e.getLocation();
                throw damaged(where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr(),
                        e.getOriginalMessage());
            } catch (IOException e) {
                throw new StateException("cannot read the sandbox state " + file + ": " + e.getMessage());
            }
        }

        private StateException damaged(String where, String why) {
            return new StateException("the sandbox state " + file + " is damaged" + where + ": " + why
                    + "; move it aside to start a new sandbox");
        }

        private void save(ClusterState state) throws IOException {
            Path temp = file.resolveSibling("state.json." + ProcessHandle.current().pid() + ".tmp");
            byte[] bytes = MAPPER.writeValueAsBytes(state);
            PrivateFiles.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            lastParsed = new Parsed(bytes, state);
        }
    }

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
}

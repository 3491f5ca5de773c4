package dev.ticdcctl.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ticdcctl.util.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The contexts file (TOML): named connection settings and which one is current, as kubectl keeps clusters.
 * Written atomically with mode 0600, because a context may hold a password; changed under a lock (see
 * {@link #update}).
 */
public final class ConfigFile {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$");
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Object IN_PROCESS = new Object();

    /** Built on first use: most invocations have no config file, and the TOML module costs ~40 ms to set up. */
    private static final class Toml {
        static final TomlMapper MAPPER = TomlMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        static final JavaType MAP = MAPPER.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class);
    }

    /**
     * One cluster's settings; null fields are unset. The password may be given inline, by variable or by file; the
     * proxy is a URL or {@code none}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(String server, String namespace, String ca, String cert, String key,
            Boolean insecureSkipTlsVerify, String user, String password, String passwordEnv, String passwordFile,
            String timeout, String proxy, String keyspace, String arch, String kernel, Boolean readOnly) {
        public static final Context EMPTY = new Context(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        /** A context without a keyspace and without a pinned architecture or kernel. */
        public Context(String server, String namespace, String ca, String cert, String key,
                Boolean insecureSkipTlsVerify, String user, String password, String passwordEnv, String passwordFile,
                String timeout, String proxy) {
            this(server, namespace, ca, cert, key, insecureSkipTlsVerify, user, password, passwordEnv, passwordFile,
                    timeout, proxy, null, null, null, null);
        }

        /** The connection settings, without a keyspace, a pinned architecture or kernel, or read-only. */
        public Context(String server, String namespace, String ca, String cert, String key,
                Boolean insecureSkipTlsVerify, String user, String password, String passwordEnv, String passwordFile,
                String timeout, String proxy, String keyspace, String arch, String kernel) {
            this(server, namespace, ca, cert, key, insecureSkipTlsVerify, user, password, passwordEnv, passwordFile,
                    timeout, proxy, keyspace, arch, kernel, null);
        }

        /** This context with read-only set as given; unchanged for null. */
        public Context readOnly(Boolean value) {
            return with(new Context(null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, value));
        }

        /** This context with every field that {@code changes} sets replaced. */
        public Context with(Context changes) {
            return new Context(pick(changes.server, server), pick(changes.namespace, namespace),
                    pick(changes.ca, ca), pick(changes.cert, cert), pick(changes.key, key),
                    pick(changes.insecureSkipTlsVerify, insecureSkipTlsVerify), pick(changes.user, user),
                    pick(changes.password, password), pick(changes.passwordEnv, passwordEnv),
                    pick(changes.passwordFile, passwordFile), pick(changes.timeout, timeout),
                    pick(changes.proxy, proxy), pick(changes.keyspace, keyspace), pick(changes.arch, arch),
                    pick(changes.kernel, kernel), pick(changes.readOnly, readOnly));
        }

        /**
         * This context without a setting (a kebab-case key such as {@code cert}); removing {@code password} removes
         * every way of giving it.
         */
        public Context without(String setting) {
            Map<String, Object> fields = Toml.MAPPER.convertValue(this, Toml.MAP);
            if (setting.equals("password")) {
                fields.keySet().removeIf(k -> k.startsWith("password"));
            } else {
                fields.remove(setting);
            }
            return Toml.MAPPER.convertValue(fields, Context.class);
        }

        private static <T> T pick(T change, T current) {
            return change != null ? change : current;
        }
    }

    /** The file's shape, for Jackson. */
    private static final class Document {
        public String currentContext;
        public Map<String, Context> contexts = new LinkedHashMap<>();
    }

    private final Path path;
    private String currentContext;
    private final Map<String, Context> contexts;

    private ConfigFile(Path path, String currentContext, Map<String, Context> contexts) {
        this.path = path;
        this.currentContext = currentContext;
        this.contexts = contexts;
    }

    /** Reads the file; a missing file is an empty configuration. */
    public static ConfigFile load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ConfigFile(path, null, new LinkedHashMap<>());
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + path + ": " + e.getMessage());
        }
        try {
            Document doc = Toml.MAPPER.readValue(text, Document.class);
            return new ConfigFile(path, doc.currentContext,
                    doc.contexts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(doc.contexts));
        } catch (JsonProcessingException e) {
            throw TomlErrors.describe("config file", path, text, e);
        }
    }

    public Path path() {
        return path;
    }

    public String currentContext() {
        return currentContext;
    }

    public Map<String, Context> contexts() {
        return Map.copyOf(contexts);
    }

    public Context context(String name) {
        return contexts.get(name);
    }

    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("invalid context name '" + name + "': use letters, digits, '.', '_' and '-'");
        }
    }

    public void put(String name, Context context) {
        checkName(name);
        contexts.put(name, context);
    }

    public boolean remove(String name) {
        if (name.equals(currentContext)) {
            currentContext = null;
        }
        return contexts.remove(name) != null;
    }

    public void use(String name) {
        if (!contexts.containsKey(name)) {
            throw new ConfigException("no context '" + name + "' in " + path);
        }
        currentContext = name;
    }

    /** True when a context stores a password inline and the file can be read by other users. */
    public boolean exposesPassword() {
        if (contexts.values().stream().noneMatch(c -> c.password() != null)) {
            return false;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            return mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Changes the file without losing a concurrent change: under an exclusive lock on {@code NAME.lock} beside it,
     * re-reads the file, applies {@code change} and writes the result (see {@link #save}). Returns what
     * {@code change} returns; when it throws, nothing is written. Another process's update waits for the lock, so
     * each sees the one before. The lock file stays: removing it would let two writers lock different files.
     */
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public static <T> T update(Path path, Function<ConfigFile, T> change) {
        Path target = writeTarget(path);
        Path dir = target.getParent();
        synchronized (IN_PROCESS) { // a JVM may hold one lock per file: threads of one process queue here
            try {
                createPrivateDirectory(dir);
                try (FileChannel lock = FileChannel.open(dir.resolve(target.getFileName() + ".lock"),
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PRIVATE_FILE);
                        FileLock held = lock.lock()) {
                    ConfigFile file = load(path);
                    T result = change.apply(file);
                    file.save();
                    return result;
                }
            } catch (IOException e) {
                throw new ConfigException.WriteFailed("cannot lock the config file " + path + ": " + e.getMessage());
            }
        }
    }

    /**
     * Writes the file readable by its owner only: to a temporary file in the same directory, flushed to the disk,
     * then renamed over the old one, so that a crash or a full disk leaves the old file whole and no temporary file
     * behind. A symbolic link (a dotfile manager's) keeps pointing at the file, which is written where it points.
     * Callers that change a file others may change too go through {@link #update}.
     */
    public void save() {
        Path target = writeTarget(path);
        try {
            createPrivateDirectory(target.getParent());
            AtomicFiles.write(target, render(), "rw-------");
        } catch (IOException e) {
            throw new ConfigException.WriteFailed("cannot write the config file " + path + ": " + e.getMessage());
        }
    }

    /** The file to replace: the path itself, or where a symbolic link at the path points (even if nothing is there). */
    private static Path writeTarget(Path path) {
        Path target = path.toAbsolutePath();
        try {
            for (int hops = 0; hops < 40 && Files.isSymbolicLink(target); hops++) {
                target = target.resolveSibling(Files.readSymbolicLink(target));
            }
        } catch (IOException e) {
            // unreadable link: replacing it is the best that can be done
        }
        return target;
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
    }

    /** TOML with one table per context, as a person would write it. */
    private String render() {
        StringBuilder out = new StringBuilder("# ticdcctl contexts; edit with 'ticdcctl config set-context'\n");
        if (currentContext != null) {
            out.append("current-context = ").append(TomlStrings.basic(currentContext)).append('\n');
        }
        contexts.forEach((name, context) -> {
            out.append("\n[contexts.").append(TomlStrings.basic(name)).append("]\n");
            Map<String, Object> fields = Toml.MAPPER.convertValue(context, Toml.MAP);
            fields.forEach((key, value) -> out.append(key).append(" = ")
                    .append(value instanceof String s ? TomlStrings.basic(s) : String.valueOf(value)).append('\n'));
        });
        return out.toString();
    }
}

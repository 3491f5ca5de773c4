/*
 * Start-up benchmark of ticdcctl (issue 7): how long one `changefeed list` takes as a whole process, side by side
 * with curl fetching the same URL (the floor for any client) and an empty main on the same java (the floor for any
 * JVM program), for a few changefeeds and for 10,000.
 *
 * Run it from the repository root with bench/run [--runs N] [--warmup N] after `mvn -B package`. It needs only a
 * JDK 17+ (single-file source launch, no dependencies); curl and /usr/bin/time are used when present.
 *
 * Method: a canned TiCDC-like API is served from this process on
 * 127.0.0.1; every variant runs as a separate process, stdout discarded, in interleaved rounds (each round runs
 * every variant once, so slow phases of a noisy machine hit all variants alike), and ratios to curl are taken per
 * round before the median, which makes them immune to drift.
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

public final class StartupBench {

    private static final String ROUTE = "/api/v2/changefeeds";
    /** What `changefeed list` requests; curl fetches the very same URL. */
    private static final String QUERY = "?namespace=default";
    private static final Path TIME = Path.of("/usr/bin/time");
    /** Bounds a hung child; a list of 10,000 takes about a second. */
    private static final long CHILD_TIMEOUT_SECONDS = 120;
    private static final int MAX_RUNS = 1000;

    // Targets of issue 7.
    private static final double FEW_MAX_X_CURL = 12;
    private static final double FEW_MAX_MIB = 80;
    private static final double MANY_MAX_ADDED = 1.5;
    private static final double MANY_MAX_MIB = 160;
    private static final double OFFLINE_MAX_X_HELLO = 3;

    /** Variants; the keys are the letters of the issue's list. */
    static final String JSON = "A", TABLE = "B", CURL = "C", HELLO = "D", NO_CDS = "E", VERSION = "V", TSO = "T",
            HELP = "H", STATIC_TAB = "S", LIVE_TAB = "L", DIST_VERSION = "X", DIST_TABLE = "Y";
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(JSON, "ticdcctl changefeed list -o json"),
            Map.entry(TABLE, "ticdcctl changefeed list (table)"),
            Map.entry(CURL, "curl -s"),
            Map.entry(HELLO, "java -cp TMP Hello (empty main)"),
            Map.entry(NO_CDS, "B without class-data archive"),
            Map.entry(VERSION, "ticdcctl --version"),
            Map.entry(TSO, "ticdcctl tso decode TSO"),
            Map.entry(HELP, "ticdcctl help"),
            Map.entry(STATIC_TAB, "Tab: ticdcctl changefeed p<Tab> (*)"),
            Map.entry(LIVE_TAB, "Tab: changefeed pause <Tab> (*)"),
            Map.entry(DIST_VERSION, "archive: ticdcctl --version"),
            Map.entry(DIST_TABLE, "archive: changefeed list (table)"));
    /** The variants that send one request to the harness's server per run. */
    private static final List<String> REQUESTING = List.of(JSON, TABLE, CURL, NO_CDS, LIVE_TAB, DIST_TABLE);

    record Options(int runs, int warmup) {}

    record Size(String title, int count, byte[] body) {}

    /**
     * One way of running something; {@code env} is added to the children's environment, and {@code report}, when not
     * null, is where a completion run writes the time of the completion function and its candidates.
     */
    record Variant(String key, List<String> command, Map<String, String> env, Path report) {
        Variant(String key, List<String> command) {
            this(key, command, Map.of(), null);
        }

        String label() {
            return LABELS.get(key);
        }
    }

    /** Wall milliseconds and peak RSS in MiB (NaN when unknown) of one variant, indexed by round. */
    record Series(double[] wallMs, double[] rssMib) {
        Series(int runs) {
            this(new double[runs], new double[runs]);
        }
    }

    record Result(Size size, Map<String, Series> series) {}

    /** Aborts the benchmark with a message (and the failing child's stderr). */
    static final class BenchFailure extends RuntimeException {
        BenchFailure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        Options options = parseOptions(args);
        int status = 0;
        Path tmp = null;
        try {
            Path root = Path.of("").toAbsolutePath();
            Path launcher = root.resolve("bin/ticdcctl");
            Path jar = root.resolve("target/ticdcctl.jar");
            if (!Files.isExecutable(launcher)) {
                throw new BenchFailure("no bin/ticdcctl here: run bench/run (or this file from the repository root)");
            }
            if (!Files.isRegularFile(jar)) {
                throw new BenchFailure("target/ticdcctl.jar is missing; build it first with: mvn -B package");
            }
            tmp = Files.createTempDirectory("ticdcctl-bench-");
            run(options, root, launcher, jar, tmp);
        } catch (BenchFailure e) {
            System.out.flush();
            System.err.println("bench: " + e.getMessage());
            status = 1;
        } catch (IOException e) {
            System.out.flush();
            System.err.println("bench: " + e);
            status = 1;
        } finally {
            deleteTree(tmp);
        }
        System.exit(status);
    }

    private static void run(Options options, Path root, Path launcher, Path jar, Path tmp) throws IOException {
        List<Size> sizes = List.of(
                new Size("a few changefeeds", 7, changefeeds(7)),
                new Size("10,000 changefeeds", 10_000, changefeeds(10_000)));
        Path cliJava = launcherJava();
        Optional<Path> curl = onPath("curl");
        boolean timeAvailable = Files.isExecutable(TIME);
        Path helloDir = compileHello(tmp);
        Tab tab = new Tab(root, launcher, cliJava, tmp);
        Optional<Path> dist = Distribution.unpack(root, tmp);
        List<Path> watched = List.of(jar, launcher);
        List<FileStamp> before = watched.stream().map(FileStamp::of).toList();

        printHeader(options, root, jar, cliJava, curl, timeAvailable);
        tab.script().ifPresentOrElse(s -> System.out.println("Tab       " + root.relativize(s) + ", its completion"
                + " function run in bash --norc, ticdcctl from the PATH"), () -> System.out.println(
                "Tab       n/a: no completions/*.bash"));
        System.out.println("archive   " + dist.map(d -> "self-contained " + Distribution.name(root).orElse("")
                + ", unpacked to TMP").orElse("n/a: archive not built (target/ticdcctl-*-linux-x86_64.tar.gz)"));

        // Set before the first HttpServer is created: without it the server delays small responses (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<Result> results = new ArrayList<>();
        try (Servers servers = new Servers(sizes)) {
            Runner runner = new Runner(timeAvailable, tmp);
            for (Size size : sizes) {
                String server = servers.baseUrl(size);
                List<Variant> variants = new ArrayList<>();
                variants.add(new Variant(JSON,
                        List.of(launcher.toString(), "--server", server, "changefeed", "list", "-o", "json")));
                variants.add(new Variant(TABLE,
                        List.of(launcher.toString(), "--server", server, "changefeed", "list")));
                curl.ifPresent(c -> variants.add(new Variant(CURL,
                        List.of(c.toString(), "-s", server + ROUTE + QUERY))));
                variants.add(new Variant(HELLO, List.of(cliJava.toString(), "-cp", helloDir.toString(), "Hello")));
                if (size == sizes.get(0)) {
                    // What the class-data archive saves, for the README's figure; env(1) adds ~1 ms to E only.
                    variants.add(new Variant(NO_CDS, List.of("/usr/bin/env", "TICDCCTL_CDS=off", launcher.toString(),
                            "--server", server, "changefeed", "list")));
                    // Commands that need no server: against the empty JVM on the same java.
                    variants.add(new Variant(VERSION, List.of(launcher.toString(), "--version")));
                    variants.add(new Variant(TSO, List.of(launcher.toString(), "tso", "decode", "" + CHECKPOINT_TSO)));
                    variants.add(new Variant(HELP, List.of(launcher.toString(), "help")));
                    tab.variants(server).forEach(variants::add);
                    dist.ifPresent(home -> {
                        Path cli = home.resolve("bin/ticdcctl");
                        variants.add(new Variant(DIST_VERSION, List.of(cli.toString(), "--version")));
                        variants.add(new Variant(DIST_TABLE,
                                List.of(cli.toString(), "--server", server, "changefeed", "list")));
                    });
                }
                results.add(measure(runner, size, variants, options));
                long requesting = variants.stream().filter(v -> REQUESTING.contains(v.key())).count();
                long expected = (options.warmup() + options.runs()) * requesting;
                int served = servers.served(size);
                if (served != expected) {
                    System.out.printf("WARNING: the server answered %d requests for %s, expected %d%n",
                            served, size.title(), expected);
                }
            }
        }

        for (Result result : results) {
            printResult(result, curl.isPresent(), timeAvailable);
        }
        if (curl.isPresent()) {
            printAdded(results.get(0), results.get(1));
        }
        printTargets(results.get(0), results.get(1), curl.isPresent(), timeAvailable);
        printOffline(results.get(0));
        tab.printTargets(results.get(0));
        Distribution.print(results.get(0));

        List<FileStamp> after = watched.stream().map(FileStamp::of).toList();
        if (!before.equals(after)) {
            System.out.println();
            System.out.println("WARNING: target/ticdcctl.jar or bin/ticdcctl changed during the run (a build?);"
                    + " these figures mix two versions: run again.");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Measuring

    /** Warm-up rounds (discarded), then the measured rounds; each round runs every variant once. */
    private static Result measure(Runner runner, Size size, List<Variant> variants, Options options) {
        Map<String, Series> series = new LinkedHashMap<>();
        variants.forEach(v -> series.put(v.key(), new Series(options.runs())));
        int rounds = options.warmup() + options.runs();
        System.err.printf("bench: %s: %d warm-up + %d rounds of %d variants ", size.title(), options.warmup(),
                options.runs(), variants.size());
        try {
            for (int round = 0; round < rounds; round++) {
                // Rotate the order each round so that no variant always runs right after the same other one.
                for (int i = 0; i < variants.size(); i++) {
                    Variant variant = variants.get((round + i) % variants.size());
                    double[] sample = runner.run(variant);
                    if (round >= options.warmup()) {
                        Series s = series.get(variant.key());
                        s.wallMs()[round - options.warmup()] = sample[0];
                        s.rssMib()[round - options.warmup()] = sample[1];
                    }
                }
                System.err.print('.');
            }
        } finally {
            System.err.println(); // ends the progress line, also before an error message
        }
        return new Result(size, series);
    }

    /** Runs one child process at a time and measures its wall time and peak RSS. */
    static final class Runner {
        private final boolean timeAvailable;
        private final Path rssFile;
        private final Path stderrFile;
        private final Map<String, String> environment;

        Runner(boolean timeAvailable, Path tmp) {
            this.timeAvailable = timeAvailable;
            this.rssFile = tmp.resolve("rss.txt");
            this.stderrFile = tmp.resolve("stderr.txt");
            // The request must go to our server and nowhere else: no context, namespace or credentials of the
            // user's own configuration (--server already overrides TICDCCTL_SERVER). The java selection
            // (TICDCCTL_JAVA, JAVA_HOME, TICDCCTL_JAVA_OPTS) is kept: it is part of what is measured.
            Map<String, String> env = new ProcessBuilder().environment();
            Stream.of("TICDCCTL_SERVER", "TICDCCTL_CONTEXT", "TICDCCTL_NAMESPACE", "TICDC_USER", "TICDC_PASSWORD",
                    "TICDC_CA_PATH", "TICDC_CERT_PATH", "TICDC_KEY_PATH").forEach(env::remove);
            env.put("TICDCCTL_CONFIG", tmp.resolve("no-config.toml").toString());
            this.environment = Map.copyOf(env);
        }

        /** Returns {wall ms, peak RSS MiB or NaN}; throws if the child fails. */
        double[] run(Variant variant) {
            List<String> command = new ArrayList<>();
            if (timeAvailable) {
                // Same wrapper for every variant, so its ~1 ms is common to all. -o keeps its output apart from
                // the child's stderr.
                command.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
            }
            command.addAll(variant.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(stderrFile.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().putAll(variant.env());
            try {
                long start = System.nanoTime();
                Process process = builder.start();
                boolean exited = process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long end = System.nanoTime();
                if (!exited) {
                    process.destroyForcibly().waitFor();
                    throw failure(variant, "did not finish within " + CHILD_TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw failure(variant, "exited with " + process.exitValue());
                }
                double wall = variant.report() == null ? (end - start) / 1e6 : Tab.functionMs(variant);
                return new double[] {wall, timeAvailable ? peakRssMib() : Double.NaN};
            } catch (IOException e) {
                throw new BenchFailure("cannot run " + String.join(" ", variant.command()) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted");
            }
        }

        /** GNU time's last line is %M, the child's peak RSS in KiB (earlier lines may be its own notes). */
        private double peakRssMib() throws IOException {
            List<String> lines = Files.readAllLines(rssFile);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
            try {
                return Long.parseLong(last) / 1024.0;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private BenchFailure failure(Variant variant, String what) {
            String stderr;
            try {
                stderr = Files.readString(stderrFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                stderr = "(unreadable: " + e.getMessage() + ")";
            }
            return new BenchFailure(String.format("%s (%s) %s%nits stderr:%n%s", variant.label(),
                    String.join(" ", variant.command()), what, stderr.isEmpty() ? "(empty)" : stderr));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tab completion

    /**
     * Tab completion as bash runs it: the committed completion script is sourced into a fresh bash, and the function
     * it registers for ticdcctl runs with COMP_WORDS set as readline sets them; ticdcctl is found on the PATH (a link
     * to bin/ticdcctl). What is timed is the function alone ($EPOCHREALTIME around it), not bash's start. For a
     * static candidate TICDCCTL_JAVA is a wrapper that counts the JVMs started, so PASS means no JVM ran at all.
     */
    static final class Tab {
        private static final String HARNESS = """
                script=$1 report=$2; shift 2
                source "$script" || exit 3
                spec=$(complete -p ticdcctl 2>/dev/null) || exit 4
                [[ $spec =~ -F\\ ([^ ]+) ]] || exit 4
                fn=${BASH_REMATCH[1]}
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                COMP_TYPE=9; COMP_KEY=9; COMPREPLY=()
                start=$EPOCHREALTIME
                "$fn" ticdcctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                end=$EPOCHREALTIME
                { echo $(( ${end/[.,]/} - ${start/[.,]/} )); printf '%s\\n' "${COMPREPLY[@]}"; } >"$report"
                """;

        private final Optional<Path> script;
        private final Path dir;
        private final Path jvmCount;
        private final List<String> candidates = new ArrayList<>();

        Tab(Path root, Path launcher, Path java, Path tmp) throws IOException {
            this.script = Optional.of(root.resolve("completions/ticdcctl.bash")).filter(Files::isRegularFile)
                    .or(() -> firstBashScript(root.resolve("completions")));
            this.dir = Files.createDirectories(tmp.resolve("tab"));
            this.jvmCount = dir.resolve("jvms.txt");
            Files.createDirectories(dir.resolve("bin"));
            Files.createSymbolicLink(dir.resolve("bin/ticdcctl"), launcher);
            Files.writeString(dir.resolve("harness.sh"), HARNESS);
            Path wrapper = dir.resolve("java");
            Files.writeString(wrapper, "#!/bin/sh\necho started >>'" + jvmCount + "'\nexec '" + java + "' \"$@\"\n");
            wrapper.toFile().setExecutable(true);
            Files.writeString(jvmCount, "");
        }

        Optional<Path> script() {
            return script;
        }

        private static Optional<Path> firstBashScript(Path dir) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".bash")).sorted().findFirst();
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
        }

        /** S: a subcommand name (no JVM expected); L: a changefeed ID from the server (a JVM asks it). */
        List<Variant> variants(String server) {
            if (script.isEmpty()) {
                return List.of();
            }
            String path = dir.resolve("bin") + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
            return List.of(
                    variant(STATIC_TAB, Map.of("PATH", path, "TICDCCTL_JAVA", dir.resolve("java").toString()),
                            "ticdcctl", "changefeed", "p"),
                    variant(LIVE_TAB, Map.of("PATH", path), "ticdcctl", "--server", server, "changefeed", "pause",
                            ""));
        }

        private Variant variant(String key, Map<String, String> env, String... words) {
            Path report = dir.resolve(key + ".txt");
            List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile",
                    dir.resolve("harness.sh").toString(), script.orElseThrow().toString(), report.toString()));
            command.addAll(Arrays.asList(words));
            return new Variant(key, command, env, report);
        }

        /** The function's time from the report the run wrote; remembers the candidates of the last run. */
        static double functionMs(Variant variant) throws IOException {
            List<String> lines = Files.readAllLines(variant.report());
            if (lines.isEmpty()) {
                throw new BenchFailure(variant.label() + ": the completion harness wrote no report");
            }
            Files.write(variant.report().resolveSibling(variant.key() + ".candidates"), lines.subList(1, lines.size()));
            return Long.parseLong(lines.get(0).strip()) / 1000.0;
        }

        private List<String> candidates(String key) {
            try {
                return Files.readAllLines(dir.resolve(key + ".candidates"));
            } catch (IOException e) {
                return List.of();
            }
        }

        void printTargets(Result few) {
            if (script.isEmpty()) {
                verdict(null, "Tab: no completion script in completions/");
                return;
            }
            long jvms;
            try {
                jvms = Files.readAllLines(jvmCount).size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            double staticMs = median(few.series().get(STATIC_TAB).wallMs());
            List<String> words = candidates(STATIC_TAB);
            verdict(jvms == 0 && words.contains("pause"), String.format("Tab on a subcommand: %s ms, %d JVM(s)"
                    + " started in all its runs (none), offers pause: %s", ms(staticMs), jvms, words.contains("pause")));
            double liveMs = median(few.series().get(LIVE_TAB).wallMs());
            double listMs = median(few.series().get(TABLE).wallMs());
            List<String> ids = candidates(LIVE_TAB);
            boolean offered = ids.stream().anyMatch(id -> Arrays.asList(NAMES).contains(id));
            verdict(liveMs <= listMs && offered, String.format("Tab on a changefeed ID: %s ms, changefeed list %s ms"
                    + " (no slower), offers the server's IDs: %s", ms(liveMs), ms(listMs), offered));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The self-contained archive

    /** target/ticdcctl-VERSION-linux-x86_64.tar.gz, unpacked as a user installs it, when the build made one. */
    static final class Distribution {
        private Distribution() {}

        static Optional<String> name(Path root) {
            try (Stream<Path> files = Files.list(root.resolve("target"))) {
                return files.map(f -> f.getFileName().toString())
                        .filter(n -> n.startsWith("ticdcctl-") && n.endsWith("-linux-x86_64.tar.gz")).sorted()
                        .reduce((a, b) -> b);
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
        }

        /**
         * Unpacks it and runs it once, then waits for what that first run starts in the background (an installed
         * copy makes its class-data archive on first use), so that every measured run finds the installation as a
         * user's second run does.
         */
        static Optional<Path> unpack(Path root, Path tmp) throws IOException {
            Optional<String> name = name(root);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Path into = Files.createDirectories(tmp.resolve("dist"));
            if (output(root, "tar", "-xzf", root.resolve("target").resolve(name.get()).toString(), "-C",
                    into.toString()).isEmpty()) {
                throw new BenchFailure("cannot unpack target/" + name.get());
            }
            Path home;
            try (Stream<Path> tops = Files.list(into)) {
                home = tops.filter(d -> Files.isExecutable(d.resolve("bin/ticdcctl"))).findFirst().orElseThrow(
                        () -> new BenchFailure("target/" + name.get() + " holds no bin/ticdcctl"));
            }
            output(root, home.resolve("bin/ticdcctl").toString(), "--version");
            String mark = home.toString();
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                all.filter(p -> p.info().commandLine().map(c -> c.contains(mark)).orElse(false))
                        .forEach(p -> p.onExit().orTimeout(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS).join());
            }
            return Optional.of(home);
        }

        static void print(Result few) {
            Series version = few.series().get(DIST_VERSION);
            if (version == null) {
                verdict(null, "self-contained archive: n/a: archive not built");
                return;
            }
            System.out.printf("info  self-contained archive vs the plain jar: --version %s vs %s ms (%.2fx),"
                    + " changefeed list %s vs %s ms (%.2fx)%n", ms(median(version.wallMs())),
                    ms(median(few.series().get(VERSION).wallMs())), pairRatio(version, few.series().get(VERSION)),
                    ms(median(few.series().get(DIST_TABLE).wallMs())), ms(median(few.series().get(TABLE).wallMs())),
                    pairRatio(few.series().get(DIST_TABLE), few.series().get(TABLE)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The canned TiCDC API

    /** One loopback HTTP server per size, each answering GET /api/v2/changefeeds with its body. */
    static final class Servers implements AutoCloseable {
        private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "bench-http");
            thread.setDaemon(true);
            return thread;
        });
        private final Map<Size, HttpServer> servers = new LinkedHashMap<>();
        private final Map<Size, AtomicInteger> served = new LinkedHashMap<>();

        Servers(List<Size> sizes) throws IOException {
            try {
                for (Size size : sizes) {
                    AtomicInteger count = new AtomicInteger();
                    // 127.0.0.1 only, ephemeral port: nothing outside this machine can reach it.
                    HttpServer server = HttpServer.create(
                            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
                    server.createContext("/", exchange -> respond(exchange, size.body(), count));
                    server.setExecutor(executor);
                    server.start();
                    servers.put(size, server);
                    served.put(size, count);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        String baseUrl(Size size) {
            return "http://127.0.0.1:" + servers.get(size).getAddress().getPort();
        }

        int served(Size size) {
            return served.get(size).get();
        }

        private static void respond(HttpExchange exchange, byte[] body, AtomicInteger count) throws IOException {
            try (exchange) {
                boolean known = exchange.getRequestMethod().equals("GET")
                        && exchange.getRequestURI().getPath().equals(ROUTE);
                byte[] answer = known ? body : ("{\"error_msg\":\"not found\",\"error_code\":\"CDC:ErrBench\"}")
                        .getBytes(StandardCharsets.UTF_8);
                // As TiCDC's server (gin) labels its JSON.
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                if (known) {
                    count.incrementAndGet();
                }
            }
        }

        @Override
        public void close() {
            servers.values().forEach(server -> server.stop(0));
            executor.shutdownNow();
        }
    }

    private static final String[] NAMES = {"orders-to-kafka", "payments-to-mysql", "audit-log-to-s3",
            "users-to-dr-cluster", "inventory-to-kafka", "clicks-to-kafka", "billing-to-mysql"};
    /** A bad day: one failed and two warnings in seven, the rows an operator lists changefeeds to find. */
    private static final String[] STATES = {"normal", "failed", "normal", "warning", "stopped", "warning", "normal"};
    private static final long UPSTREAM_ID = 7390512345678901234L; // above 2^53: exact 64-bit handling matters
    private static final long CHECKPOINT_TSO = 450835120160243717L; // 2024-07-01 02:05:00.123 UTC, logical 5
    /** TiCDC formats checkpoint_time in the server's local time, without a zone; this server is in UTC+8. */
    private static final ZoneOffset SERVER_ZONE = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /**
     * The body of GET /api/v2/changefeeds as TiCDC v8.5 answers it (ChangefeedCommonInfo items, compact JSON):
     * the seven changefeeds above, or that pattern repeated with numbered IDs. Nothing here needs JSON escaping.
     */
    static byte[] changefeeds(int count) {
        StringBuilder json = new StringBuilder(count * 320 + 32);
        json.append("{\"total\":").append(count).append(",\"items\":[");
        for (int i = 0; i < count; i++) {
            String id = count <= NAMES.length ? NAMES[i] : String.format("%s-%04d", NAMES[i % 7], i / 7);
            String state = STATES[i % 7];
            // Checkpoints a few seconds apart; the failed one is past the 24 h GC TTL.
            long lagMs = 1_000L * (i % 7) + i / 7 + (state.equals("failed") ? 25 * 3_600_000L : 0);
            long tso = CHECKPOINT_TSO - (lagMs << 18);
            ZonedDateTime checkpoint = Instant.ofEpochMilli(tso >> 18).atZone(SERVER_ZONE);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"upstream_id\":").append(UPSTREAM_ID)
                    .append(",\"namespace\":\"default\",\"id\":\"").append(id)
                    .append("\",\"state\":\"").append(state)
                    .append("\",\"checkpoint_tso\":").append(tso)
                    .append(",\"checkpoint_time\":\"").append(SERVER_TIME.format(checkpoint))
                    .append("\",\"error\":");
            switch (state) {
                case "failed" -> appendError(json, checkpoint.plusMinutes(3), "10.0.1.12:8300",
                        "CDC:ErrGCTTLExceeded", "[CDC:ErrGCTTLExceeded]the checkpoint-ts(" + tso
                                + ") lag of the changefeed(default/" + id + ") has exceeded the GC TTL and the"
                                + " changefeed is blocking global GC progression");
                case "warning" -> {
                    if (NAMES[i % 7].endsWith("kafka")) {
                        appendError(json, checkpoint.plusSeconds(2), "10.0.1.14:8300", "CDC:ErrKafkaSendMessage",
                                "[CDC:ErrKafkaSendMessage]kafka send message failed: kafka server: Message was too"
                                        + " large, server rejected it to avoid allocation error");
                    } else {
                        appendError(json, checkpoint.plusSeconds(2), "10.0.1.13:8300", "CDC:ErrMySQLTxnError",
                                "[CDC:ErrMySQLTxnError]MySQL txn error: Error 1205 (HY000): Lock wait timeout"
                                        + " exceeded; try restarting transaction, table: `shop`.`users`");
                    }
                }
                default -> json.append("null");
            }
            json.append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendError(StringBuilder json, ZonedDateTime at, String addr, String code, String message) {
        // RFC 3339 with nanoseconds and the server's offset, as Go's time.Time marshals.
        String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.plusNanos(456_789));
        json.append("{\"time\":\"").append(time).append("\",\"addr\":\"").append(addr)
                .append("\",\"code\":\"").append(code).append("\",\"message\":\"").append(message).append("\"}");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Environment

    /** The java bin/ticdcctl runs: TICDCCTL_JAVA, else $JAVA_HOME/bin/java, else java on the PATH. */
    private static Path launcherJava() {
        String explicit = System.getenv("TICDCCTL_JAVA");
        if (explicit != null && !explicit.isEmpty()) {
            return explicit.contains("/") ? Path.of(explicit) : onPath(explicit)
                    .orElseThrow(() -> new BenchFailure("TICDCCTL_JAVA=" + explicit + " is not on the PATH"));
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isEmpty()) {
            return Path.of(javaHome, "bin", "java");
        }
        return onPath("java").orElseThrow(() -> new BenchFailure("no java on the PATH"));
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    /** An empty main for the JVM baseline, compiled for 17 so that any JDK 17+ bin/ticdcctl uses can load it. */
    private static Path compileHello(Path tmp) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new BenchFailure("this java has no compiler (javax.tools); run the benchmark with a JDK");
        }
        Path source = tmp.resolve("Hello.java");
        Files.writeString(source, "public class Hello { public static void main(String[] args) {} }\n");
        Path classes = Files.createDirectories(tmp.resolve("hello"));
        int status = compiler.run(null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new BenchFailure("cannot compile the empty main (javac exit " + status + ")");
        }
        return classes;
    }

    /** Size and modification time, to notice a rebuild while the benchmark runs. */
    record FileStamp(Path file, long size, FileTime modified) {
        static FileStamp of(Path file) {
            try {
                return new FileStamp(file, Files.size(file), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                return new FileStamp(file, -1, FileTime.fromMillis(0));
            }
        }
    }

    /** The non-blank lines of a command's combined output, or empty when it fails. */
    private static Optional<List<String>> output(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(Redirect.from(new File("/dev/null"))).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Report

    private static void printHeader(Options options, Path root, Path jar, Path cliJava, Optional<Path> curl,
                                    boolean timeAvailable) throws IOException {
        System.out.println("ticdcctl start-up benchmark (bench/run, issue 7)");
        System.out.println("date      " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withLocale(Locale.ROOT)).replaceFirst("\\.\\d+", ""));
        String nproc = output(root, "nproc").filter(l -> !l.isEmpty()).map(l -> l.get(0))
                .orElse(Runtime.getRuntime().availableProcessors() + " (availableProcessors)");
        String cpu = cpuModel().map(m -> ", " + m).orElse("");
        String load = readFirstLine(Path.of("/proc/loadavg")).map(l -> String.join(" ",
                Arrays.asList(l.split(" ")).subList(0, 3))).map(l -> ", load average " + l).orElse("");
        System.out.println("machine   nproc " + nproc + cpu + load);
        List<String> version = output(root, cliJava.toString(), "-version").orElse(List.of("(java -version failed)"));
        System.out.println("java      " + cliJava + " (bin/ticdcctl's java and the empty main's): "
                + String.join("; ", version.subList(0, Math.min(2, version.size()))));
        String opts = System.getenv("TICDCCTL_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            System.out.println("          TICDCCTL_JAVA_OPTS=" + opts);
        }
        System.out.println("harness   java " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.home") + ")");
        String git = output(root, "git", "describe", "--always", "--dirty").map(l -> ", git " + l.get(0)).orElse("");
        System.out.printf("ticdcctl  target/ticdcctl.jar %.1f MB, built %s%s%n", Files.size(jar) / 1e6,
                Files.getLastModifiedTime(jar).toInstant().atZone(ZoneOffset.systemDefault())
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), git);
        System.out.printf("method    %d rounds after %d warm-up round(s) per size; a round runs each variant once,"
                + " as its own process%n          (order rotated), stdout to /dev/null%n", options.runs(),
                options.warmup());
        System.out.println("          wall = start to exit, as the harness sees it; x curl = median of per-round"
                + " ratios");
        System.out.println("          peak RSS " + (timeAvailable ? "= /usr/bin/time -f %M (wraps every variant alike)"
                : "n/a (no /usr/bin/time)"));
        if (curl.isEmpty()) {
            System.out.println("NOTE      curl is not on the PATH: variant C and every ratio to curl are skipped");
        }
    }

    private static void printResult(Result result, boolean haveCurl, boolean timeAvailable) {
        Size size = result.size();
        System.out.println();
        System.out.printf("== %s (%,d-byte body) ==%n", size.title(), size.body().length);
        System.out.printf("   %-38s %-26s %12s  %s%n", "variant", "wall ms median (min-max)", "peak RSS MiB",
                haveCurl ? "x curl" : "");
        Series curl = result.series().get(CURL);
        result.series().forEach((key, s) -> {
            String label = key + "  " + LABELS.get(key);
            String wall = ms(median(s.wallMs())) + " (" + ms(min(s.wallMs())) + "-" + ms(max(s.wallMs())) + ")";
            String rss = timeAvailable ? String.format("%.1f", median(s.rssMib())) : "n/a";
            String ratio = curl == null || key.equals(CURL) ? "" : String.format("%.1f", pairRatio(s, curl));
            System.out.printf("   %-38s %-26s %12s  %s%n", label, wall, rss, ratio);
        });
    }

    /** What the CLI adds on top of the server's own time: median of per-round (variant - curl). */
    private static double added(Result result, String key) {
        double[] a = result.series().get(key).wallMs();
        double[] c = result.series().get(CURL).wallMs();
        double[] diff = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            diff[i] = a[i] - c[i];
        }
        return median(diff);
    }

    private static void printAdded(Result few, Result many) {
        System.out.println();
        System.out.println("== added by the CLI over curl (median of per-round differences) ==");
        for (String key : List.of(JSON, TABLE)) {
            double a = added(few, key), b = added(many, key);
            System.out.printf("   %-38s few %s ms, 10,000 %s ms: %.2fx%n", key + "  " + LABELS.get(key), ms(a),
                    ms(b), b / a);
        }
    }

    private static void printTargets(Result few, Result many, boolean haveCurl, boolean timeAvailable) {
        System.out.println();
        System.out.println("== targets of issue 7 (informational: the exit status does not depend on them) ==");
        for (String key : List.of(JSON, TABLE)) {
            String what = key.equals(JSON) ? "json: " : "table:";
            if (haveCurl) {
                double ratio = round(pairRatio(few.series().get(key), few.series().get(CURL)), 1);
                verdict(ratio <= FEW_MAX_X_CURL, String.format("few changefeeds, %s %6.1fx curl    (<= %.0fx)",
                        what, ratio, FEW_MAX_X_CURL));
            } else {
                verdict(null, "few changefeeds, " + what + " x curl (curl not found)");
            }
            rssVerdict(few, key, "few changefeeds, " + what, FEW_MAX_MIB, timeAvailable);
        }
        for (String key : List.of(JSON, TABLE)) {
            String what = key.equals(JSON) ? "json: " : "table:";
            if (haveCurl) {
                double ratio = round(added(many, key) / added(few, key), 2);
                verdict(ratio <= MANY_MAX_ADDED, String.format("10,000 changefeeds, %s added %.2fx the few"
                        + " case (<= %.1fx)", what, ratio, MANY_MAX_ADDED));
            } else {
                verdict(null, "10,000 changefeeds, " + what + " added by the CLI (curl not found)");
            }
            rssVerdict(many, key, "10,000 changefeeds, " + what, MANY_MAX_MIB, timeAvailable);
        }
    }

    /** Commands that need no server, against an empty main on the same java (median of per-round ratios). */
    private static void printOffline(Result few) {
        Series hello = few.series().get(HELLO);
        for (String key : List.of(VERSION, TSO, HELP)) {
            double ratio = round(pairRatio(few.series().get(key), hello), 1);
            verdict(ratio <= OFFLINE_MAX_X_HELLO, String.format("%-24s %4.1fx the empty JVM on the same java"
                    + " (<= %.0fx)", LABELS.get(key).substring("ticdcctl ".length()) + ":", ratio,
                    OFFLINE_MAX_X_HELLO));
        }
    }

    private static void rssVerdict(Result result, String key, String what, double limit, boolean timeAvailable) {
        if (!timeAvailable) {
            verdict(null, what + " peak RSS (no /usr/bin/time)");
            return;
        }
        double mib = round(median(result.series().get(key).rssMib()), 1);
        verdict(mib <= limit, String.format("%s %6.1f MiB peak RSS (<= %.0f MiB)", what, mib, limit));
    }

    /** Verdicts use the value as printed, so that a line never reads "1.50x (<= 1.5x)" and FAIL. */
    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static void verdict(Boolean pass, String line) {
        System.out.println((pass == null ? "n/a " : pass ? "PASS" : "FAIL") + "  " + line);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Statistics and small helpers

    /** Median over rounds of variant/curl, each ratio from the same round. */
    static double pairRatio(Series variant, Series curl) {
        double[] ratios = new double[variant.wallMs().length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = variant.wallMs()[i] / curl.wallMs()[i];
        }
        return median(ratios);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** Milliseconds: one decimal below 100 ms, where it still means something. */
    static String ms(double value) {
        return String.format(value < 100 ? "%.1f" : "%.0f", value);
    }

    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readFirstLine(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static Options parseOptions(String[] args) {
        int runs = 15;
        int warmup = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = intArgument(args, ++i, "--runs", 1);
                case "--warmup" -> warmup = intArgument(args, ++i, "--warmup", 0);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> usageError("unknown argument: " + args[i]);
            }
        }
        return new Options(runs, warmup);
    }

    private static int intArgument(String[] args, int index, String option, int least) {
        if (index >= args.length) {
            usageError(option + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value >= least && value <= MAX_RUNS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usageError(option + " takes a whole number from " + least + " to " + MAX_RUNS + ", not " + args[index]);
        return -1;
    }

    private static void usageError(String message) {
        System.err.println("bench: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }

    private static final String USAGE = """
            usage: bench/run [--runs N] [--warmup N]
              Measures bin/ticdcctl changefeed list (json and table) against curl and an empty JVM, for 7 and
              10,000 changefeeds served on 127.0.0.1; --version, tso decode and help against the empty JVM;
              Tab completion of a command and of a changefeed ID; the self-contained archive when built.
              Build first with: mvn -B package
              --runs N     measured rounds per size (default 15)
              --warmup N   discarded rounds before them (default 2)""";
}

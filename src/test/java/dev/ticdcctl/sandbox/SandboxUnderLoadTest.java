package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once against a sandbox that keeps its state in a directory: every answer is one the API defines
 * (no dropped connection, no 5xx where TiCDC answers otherwise), nothing written is lost, and what the sandbox keeps
 * stays bounded however many requests it has served. Also what a request meets when something fails inside.
 */
class SandboxUnderLoadTest extends ContractSupport {
    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 200;
    private static final List<String> SHARED = List.of("shared-0", "shared-1", "shared-2", "shared-3");
    private static final StepClock STEPS = new StepClock(START, ZONE);

    SandboxUnderLoadTest() {
        super(o -> o.withStateDir(freshStateDir()).withClock(STEPS).withTick(Duration.ofMillis(50)));
    }

    /**
     * Time that moves by a millisecond at every reading, so that a burst of requests spans many ticks and the
     * owner acts on them, as it would in real time, yet no test waits.
     */
    static final class StepClock extends Clock {
        private final AtomicLong millis;
        private final ZoneId zone;
        /** Thrown by every reading while set: a failure inside any route that looks at the time. */
        volatile RuntimeException failure;

        StepClock(Instant start, ZoneId zone) {
            this.millis = new AtomicLong(start.toEpochMilli());
            this.zone = zone;
        }

        void sleep(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public long millis() {
            if (failure != null) {
                throw failure;
            }
            return millis.incrementAndGet();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void mixed_requests_from_eight_clients_get_only_defined_answers_and_the_history_stays_bounded() throws Exception {
        SHARED.forEach(id -> create("{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}"));
        Queue<String> wrong = new ConcurrentLinkedQueue<>();

        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int client = t;
                clients.add(pool.submit(() -> load(client, wrong)));
            }
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
        });

        assertEquals(List.of(), List.copyOf(wrong), "every answer is one the API defines");
        JsonNode state = stateFile();
        for (Map.Entry<String, JsonNode> cf : state.path("changefeeds").properties()) {
            // A request is kept only until the owner has acted on it, one tick (50 readings of the clock) later.
            assertTrue(cf.getValue().path("events").size() <= 50,
                    () -> cf.getKey() + " keeps " + cf.getValue().path("events").size() + " events");
        }
        for (int t = 0; t < THREADS; t++) {
            assertTrue(state.path("changefeeds").has("default/own-" + t), "the last changefeed of each client");
        }
        STEPS.sleep(Duration.ofMillis(50)); // the owner loads the last ones created
        Resp list = get("/api/v2/changefeeds?state=all");
        assertEquals(SHARED.size() + THREADS, list.json().path("total").asInt(), list::toString);
    }

    @Test
    void two_spellings_of_one_state_directory_share_its_lock() throws Exception {
        Path link = Files.createSymbolicLink(stateDir.resolveSibling(stateDir.getFileName() + "-link"), stateDir);
        try (Sandbox viaLink = Sandbox.start(Sandbox.Options.defaults().withStateDir(link).withClock(STEPS)
                .withTick(Duration.ofMillis(50)))) {
            Queue<String> wrong = new ConcurrentLinkedQueue<>();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<?>> clients = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int client = t;
                    clients.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            URI server = i % 2 == 0 ? urls.get(0) : viaLink.url();
                            try {
                                Resp r = req("POST", "/api/v2/changefeeds").on(server).body("{\"changefeed_id\":\"link-"
                                        + client + "-" + i + "\",\"sink_uri\":\"blackhole://\"}").send();
                                if (r.status() != 200) {
                                    wrong.add(server + ": " + r);
                                }
                            } catch (UncheckedIOException e) {
                                wrong.add(server + ": " + e.getCause());
                            }
                        }
                    }));
                }
                for (Future<?> f : clients) {
                    f.get();
                }
                pool.shutdown();
            });
            assertEquals(List.of(), List.copyOf(wrong));
        } finally {
            Files.delete(link);
        }
        assertEquals(40, stateFile().path("changefeeds").size(), "no creation lost");
    }

    @Test
    void a_failure_inside_a_route_is_a_500_answer_not_a_dropped_connection() {
        STEPS.failure = new IllegalStateException("the clock broke");
        Resp failed;
        try {
            failed = get("/api/v2/changefeeds");
        } finally {
            STEPS.failure = null;
        }

        assertEquals(500, failed.status(), failed::toString);
        assertEquals("CDC:ErrInternalServerError", failed.json().path("error_code").asText(), failed::toString);
        assertTrue(failed.json().path("error_msg").asText().contains("the clock broke"), failed::toString);
        assertEquals(200, get("/api/v2/changefeeds").status(), "the capture still serves");
    }

    /** One client: a seeded mix of reads, pauses, resumes, creations and deletions over every capture. */
    private void load(int client, Queue<String> wrong) {
        Random random = new Random(client);
        String own = "own-" + client;
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            String shared = "/api/v2/changefeeds/" + SHARED.get(random.nextInt(SHARED.size()));
            Req request = switch (random.nextInt(10)) {
                case 0 -> req("GET", "/api/v2/changefeeds");
                case 1, 2 -> req("GET", shared);
                case 3 -> req("GET", shared + "/status");
                case 4 -> req("POST", shared + "/pause");
                case 5 -> req("POST", shared + "/resume").body("{}");
                case 6 -> req("GET", shared + "/synced");
                case 7 -> req("GET", random.nextBoolean() ? "/api/v2/processors" : "/api/v2/captures");
                case 8 -> req("POST", "/api/v2/tso").body("{}");
                default -> i % 2 == 0 ? req("DELETE", "/api/v2/changefeeds/" + own)
                        : req("POST", "/api/v2/changefeeds").body("{\"changefeed_id\":\"" + own
                                + "\",\"sink_uri\":\"blackhole://\"}");
            };
            request.on(random.nextInt(urls.size()));
            try {
                Resp r = request.send();
                boolean defined = r.status() < 500 || r.body().contains("CDC:ErrChangeFeedAlreadyExists");
                if (!defined || r.contentType().startsWith("application/json") && r.json() == null) {
                    wrong.add(request.build().method() + " " + request.build().uri() + " -> " + r);
                }
            } catch (UncheckedIOException | AssertionError e) {
                wrong.add(request.build().method() + " " + request.build().uri() + " -> " + e);
            }
        }
        Resp last = post("/api/v2/changefeeds", "{\"changefeed_id\":\"" + own + "\",\"sink_uri\":\"blackhole://\"}");
        if (last.status() != 200 && !last.body().contains("ErrChangeFeedAlreadyExists")) {
            wrong.add("final create of " + own + " -> " + last);
        }
    }
}

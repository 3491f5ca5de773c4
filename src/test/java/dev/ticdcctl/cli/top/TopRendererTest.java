package dev.ticdcctl.cli.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.model.ChangefeedSummary;
import dev.ticdcctl.model.RunningError;
import dev.ticdcctl.model.Tso;
import dev.ticdcctl.output.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The screen fills the terminal exactly, whatever its size: never a line too many or a column too wide. */
class TopRendererTest {
    private static final Instant NOW = Instant.parse("2024-07-01T02:05:10Z");

    private static TopModel model() {
        TopModel model = new TopModel("cluster prod (https://cdc-0.prod.example.com:8300)", Duration.ofSeconds(2),
                null);
        RunningError error = new RunningError("2024-07-01T02:05:00Z", "10.0.0.1:8300", "CDC:ErrKafkaNewProducer",
                "kafka: client has run out of available brokers to talk to (Is your cluster reachable?)");
        List<ChangefeedSummary> changefeeds = List.of(
                new ChangefeedSummary("1", "default", "a-changefeed-with-a-rather-long-identifier", "normal",
                        Tso.at(NOW.minusSeconds(1)).value(), null, null),
                new ChangefeedSummary("1", "default", "payments", "failed", Tso.at(NOW.minusSeconds(90)).value(),
                        null, error));
        List<ClusterSnapshot.CaptureLine> captures = List.of(
                new ClusterSnapshot.CaptureLine("87048f83-f1a6-4fc3-b06d-edee1184f6fb", "10.0.0.1:8300", true, 2),
                new ClusterSnapshot.CaptureLine("676aeb89-d9db-4625-9b3a-d85c7ceabf8b", "10.0.0.2:8300", false, 0));
        model.refreshed(new ClusterSnapshot(NOW, "v8.5.0", "classic", "classic", null, captures, changefeeds));
        return model;
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"80, 24", "160, 50", "40, 8", "20, 5", "100, 20"})
    void every_view_fills_the_screen_exactly(int width, int height) {
        TopRenderer renderer = new TopRenderer(new Times(Clock.fixed(NOW, ZoneOffset.UTC), true), false);
        TopModel model = model();
        for (TopModel.View view : TopModel.View.values()) {
            if (view == TopModel.View.DETAIL) {
                model.openDetail("payments");
            } else {
                model.open(view);
            }
            List<String> lines = renderer.render(model, width, height);

            assertEquals(height, lines.size(), view + ": " + lines);
            for (String line : lines) {
                String shown = line.replaceAll("\u001b\\[[0-9;]*m", "");
                assertTrue(shown.codePointCount(0, shown.length()) <= width, () -> view + ": too wide: " + shown);
            }
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"80, 24", "100, 20"})
    void worst_first_puts_the_failed_changefeed_on_top(int width, int height) {
        TopRenderer renderer = new TopRenderer(new Times(Clock.fixed(NOW, ZoneOffset.UTC), true), false);

        List<String> lines = renderer.render(model(), width, height);

        assertTrue(lines.get(4).matches("\u001b\\[7mpayments +failed +1m30s +█ +CDC:ErrKafkaNewProducer +k.*"),
                lines::toString);
        assertTrue(lines.get(5).startsWith("a-changefeed-with-a"), lines::toString);
    }
}

package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    private static final ProviderTaskRef TASK =
            new ProviderTaskRef(ProviderId.of("apixo"), ModelId.of("nano-banana-pro"), "task_1");

    @Test
    void a_completed_submission_carries_at_least_one_image() {
        GeneratedImage image = new GeneratedImage(URI.create("https://cdn.example/a.png"), null);

        assertEquals(List.of(image), new Submission.Completed(List.of(image), List.of()).images());
        assertThrows(IllegalArgumentException.class, () -> new Submission.Completed(List.of(), List.of()));
    }

    @Test
    void an_accepted_submission_needs_a_task_and_defaults_to_no_hint() {
        assertEquals(PollHint.NONE, new Submission.Accepted(TASK, null).hint());
        assertThrows(NullPointerException.class, () -> new Submission.Accepted(null, PollHint.NONE));
    }

    @Test
    void a_vendor_task_id_is_never_blank() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProviderTaskRef(ProviderId.of("apixo"), ModelId.of("m"), " "));
        assertThrows(NullPointerException.class, () -> new ProviderTaskRef(null, ModelId.of("m"), "t"));
    }

    @Test
    void a_submission_carries_a_price_or_cost_only_where_one_is_known() {
        GeneratedImage image = new GeneratedImage(URI.create("https://cdn.example/a.png"), null);
        Cost cost = Cost.ofMicros(134_000, "USDC", "vendor billing");

        assertEquals(java.util.Optional.empty(), new Submission.Accepted(TASK, null).priceIfKnown());
        assertEquals(cost, new Submission.Accepted(TASK, null, cost).priceIfKnown().orElseThrow());
        assertEquals(java.util.Optional.empty(), new Submission.Completed(List.of(image), List.of()).costIfKnown());
        assertEquals(cost, new Submission.Completed(List.of(image), List.of(), cost).costIfKnown().orElseThrow());
    }
}

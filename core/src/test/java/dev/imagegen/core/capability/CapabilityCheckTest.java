package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.Requests.bytes;
import static dev.imagegen.core.Requests.urls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.ReferenceTransport;
import dev.imagegen.spi.Resolution;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityCheckTest {

    private static final ModelCapabilities MODEST = ModelCapabilities.builder()
            .aspectRatios("1:1", "16:9").resolutions(Resolution.ONE_K).outputFormats(OutputFormat.PNG)
            .maxPromptLength(20)
            .references(ReferenceLimits.upTo(2, Set.of(ReferenceTransport.URL), Set.of("image/png"), 100))
            .build();

    @Test
    void runs_the_rules_in_a_fixed_order() {
        assertEquals(List.of("aspect-ratio", "resolution", "ratio-with-resolution", "output-format", "image-count",
                        "prompt-length", "negative-prompt", "seed", "reference-count", "reference-each"),
                CapabilityRules.ALL.stream().map(CapabilityRule::name).toList());
    }

    @Test
    void accepts_a_request_within_every_rule() {
        GenerationRequest ok = aRequest("m").prompt("a cat").aspectRatio("16:9").resolution("1K")
                .outputFormat("png").build();

        assertEquals(List.of(), CapabilityCheck.check(ok, MODEST));
    }

    @Test
    void returns_every_violation_at_once_each_with_field_value_and_allowed() {
        GenerationRequest.Builder builder = aRequest("m").prompt("x".repeat(21)).aspectRatio("4:3").resolution("4K")
                .outputFormat("jpeg").n(3).negativePrompt("blurry").seed(7L);
        urls(3).forEach(builder::reference);
        builder.reference(bytes(10, "image/png"));

        List<Violation> violations = CapabilityCheck.check(builder.build(), MODEST);

        assertEquals(List.of(
                Violation.unsupported("aspectRatio", "4:3", "1:1, 16:9"),
                Violation.unsupported("resolution", "4K", "1K"),
                Violation.unsupported("outputFormat", "jpeg", "png"),
                Violation.unsupported("n", "3", "1"),
                Violation.unsupported("prompt", "21 characters", "at most 20 characters"),
                Violation.unsupported("negativePrompt", "(set)", "none (this model does not take a negative prompt)"),
                Violation.unsupported("seed", "7", "none (this model does not take a seed)"),
                Violation.unsupported("references", "4 references", "0 to 2 references"),
                Violation.unsupported("references[3]", "inline bytes", "references sent as URL")), violations);
        for (Violation v : violations) {
            assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, v.code());
            assertFalse(v.field().isBlank() || v.value().isBlank() || v.allowed().isBlank(), v.toString());
        }
    }

    @Test
    void a_violation_message_names_field_value_and_allowed() {
        assertEquals("aspectRatio '4:3' is not allowed; allowed: 1:1, 16:9",
                Violation.unsupported("aspectRatio", "4:3", "1:1, 16:9").message());
    }
}

package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests the core refuses before any call, sent anyway: Xenodia's 400 comes back as INVALID_REQUEST with its
 * message, so a gap in the declared capabilities shows up as a clear failure, never as a silent change.
 */
class VendorRefusalTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia();

    @Test
    void more_than_8_references_for_nano_banana_pro_counting_urls_and_files_together() {
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            references.add(Reference.url("https://example.com/" + i + ".png"));
        }
        for (int i = 0; i < 4; i++) {
            references.add(Fixtures.png());
        }
        assertInvalid(Fixtures.nanoBanana().references(references).build(), "at most 8 references");
    }

    @Test
    void more_than_16_references_for_gpt_image_2() {
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            references.add(Reference.url("https://example.com/" + i + ".png"));
        }
        assertInvalid(Fixtures.gptImage().references(references).build(), "at most 16 references");
    }

    @Test
    void a_reference_of_a_type_xenodia_does_not_take() {
        assertInvalid(Fixtures.gptImage().references(List.of(Reference.inline(Fixtures.PNG, "image/gif"))).build(),
                "unsupported type image/gif");
    }

    @Test
    void a_reference_file_over_30_mib() {
        byte[] huge = Arrays.copyOf(Fixtures.PNG, 30 * 1024 * 1024 + 1);
        assertInvalid(Fixtures.gptImage().references(List.of(Reference.inline(huge, "image/png"))).build(),
                "exceeds 30MB");
    }

    @Test
    void a_ratio_and_resolution_gpt_image_2_does_not_combine() {
        assertInvalid(Fixtures.gptImage().aspectRatio("1:1").resolution(Resolution.FOUR_K).build(),
                "cannot be used with resolution 4K");
        assertInvalid(Fixtures.gptImage().aspectRatio("auto").resolution(Resolution.TWO_K).build(),
                "cannot be used with resolution 2K");
    }

    @Test
    void an_aspect_ratio_outside_the_model_enum() {
        assertInvalid(Fixtures.gptImage().aspectRatio("21:9").build(), "aspect_ratio '21:9'");
    }

    @Test
    void a_channel_the_model_does_not_have() {
        assertInvalid(Fixtures.gptImage().options(Map.of("channel_id", 7)).build(), "channel_id 7");
    }

    private static void assertInvalid(ProviderRequest request, String vendorMessage) {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> XENODIA.provider().submit(request).toCompletableFuture().join());
        ProviderException e = assertInstanceOf(ProviderException.class, failure.getCause());
        assertEquals(ErrorCode.INVALID_REQUEST, e.code(), e.getMessage());
        assertEquals("bad_request", e.providerCode().orElseThrow());
        assertTrue(e.getMessage().contains(vendorMessage), e.getMessage());
        assertEquals(400, XENODIA.simulator().lastSubmit().status());
    }
}

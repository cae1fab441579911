package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.Requests.bytes;
import static dev.imagegen.core.Requests.png;
import static dev.imagegen.core.Requests.url;
import static dev.imagegen.core.Requests.urls;
import static dev.imagegen.core.Requests.with;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.ReferenceTransport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceRulesTest {

    private static final ModelCapabilities UP_TO_THREE_URLS_OR_BYTES = ModelCapabilities.builder()
            .references(ReferenceLimits.upTo(3, Set.of(ReferenceTransport.URL, ReferenceTransport.INLINE),
                    Set.of("image/png", "image/jpeg"), 100))
            .build();
    private static final ModelCapabilities URLS_ONLY = ModelCapabilities.builder()
            .references(ReferenceLimits.upTo(3, Set.of(ReferenceTransport.URL), Set.of("image/png"), 100)).build();
    private static final ModelCapabilities ONE_TO_TWO = ModelCapabilities.builder()
            .references(new ReferenceLimits(1, 2, Set.of(ReferenceTransport.URL), Set.of("image/png"), 100)).build();
    private static final ModelCapabilities NONE = ModelCapabilities.builder().build();

    private static GenerationRequest withRefs(List<dev.imagegen.spi.Reference> refs) {
        return with(aRequest("m"), refs).build();
    }

    @Test
    void accepts_up_to_the_maximum_count() {
        assertEquals(List.of(), Rules.check("reference-count", withRefs(urls(3)), UP_TO_THREE_URLS_OR_BYTES));
        assertEquals(List.of(), Rules.check("reference-count", withRefs(List.of()), UP_TO_THREE_URLS_OR_BYTES));
    }

    @Test
    void refuses_more_than_the_maximum() {
        assertOnly(Rules.check("reference-count", withRefs(urls(4)), UP_TO_THREE_URLS_OR_BYTES),
                "references", "4 references", "0 to 3 references");
    }

    @Test
    void refuses_fewer_than_the_minimum() {
        assertOnly(Rules.check("reference-count", withRefs(List.of()), ONE_TO_TWO),
                "references", "0 references", "1 to 2 references");
    }

    @Test
    void refuses_any_reference_for_a_model_that_takes_none() {
        assertOnly(Rules.check("reference-count", withRefs(urls(1)), NONE),
                "references", "1 references", "none (this model takes no reference images)");
        assertEquals(List.of(), Rules.check("reference-each", withRefs(urls(1)), NONE));
    }

    @Test
    void accepts_references_of_allowed_transport_type_and_size() {
        assertEquals(List.of(), Rules.check("reference-each",
                withRefs(List.of(url(0), bytes(100, "image/jpeg"), png())), UP_TO_THREE_URLS_OR_BYTES));
    }

    @Test
    void refuses_inline_bytes_where_only_urls_travel() {
        assertOnly(Rules.check("reference-each", withRefs(List.of(url(0), png())), URLS_ONLY),
                "references[1]", "inline bytes", "references sent as URL");
    }

    @Test
    void refuses_an_unlisted_mime_type() {
        assertOnly(Rules.check("reference-each", withRefs(List.of(bytes(10, "image/gif"))),
                UP_TO_THREE_URLS_OR_BYTES), "references[0].mimeType", "image/gif", "image/jpeg, image/png");
    }

    @Test
    void refuses_bytes_over_the_limit() {
        assertOnly(Rules.check("reference-each", withRefs(List.of(bytes(101, "image/png"))),
                UP_TO_THREE_URLS_OR_BYTES), "references[0]", "101 bytes", "at most 100 bytes");
    }

    @Test
    void reports_every_bad_reference_by_index() {
        List<Violation> violations = Rules.check("reference-each",
                withRefs(List.of(bytes(101, "image/gif"), url(1), bytes(200, "image/png"))), UP_TO_THREE_URLS_OR_BYTES);

        assertEquals(List.of("references[0].mimeType", "references[0]", "references[2]"),
                violations.stream().map(Violation::field).toList());
    }
}

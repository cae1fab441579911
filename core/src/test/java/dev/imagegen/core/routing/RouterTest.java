package dev.imagegen.core.routing;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.Requests.png;
import static dev.imagegen.core.Requests.urls;
import static dev.imagegen.core.Requests.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.core.fake.FixtureModels;
import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final ProviderId XENODIA_ID = ProviderId.of("xenodia");
    private static final ProviderId APIXO_ID = ProviderId.of("apixo");
    private static final ProviderDescriptor XENODIA = ProviderDescriptor.of("xenodia",
            List.of(FixtureModels.offer("xenodia", "nano-banana-pro"), FixtureModels.offer("xenodia", "gpt-image-2")));
    private static final ProviderDescriptor APIXO = ProviderDescriptor.of("apixo",
            List.of(FixtureModels.offer("apixo", "nano-banana-pro")));
    private static final ProviderDescriptor BAILIAN = ProviderDescriptor.of("bailian",
            List.of(FixtureModels.offer("bailian", "wan2.2-t2i-flash"), FixtureModels.offer("bailian", "qwen-image")));
    private static final List<ProviderDescriptor> ALL = List.of(XENODIA, APIXO, BAILIAN);

    private final Router router = new Router();

    private static RouteDecision.To routedTo(RouteDecision decision) {
        return assertInstanceOf(RouteDecision.To.class, decision);
    }

    private static RouteDecision.Refused refused(RouteDecision decision, ErrorCode code) {
        RouteDecision.Refused refused = assertInstanceOf(RouteDecision.Refused.class, decision);
        assertEquals(code, refused.code());
        assertEquals(code, refused.failure().code());
        return refused;
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected '" + part + "' in: " + text);
    }

    // --- a named provider: there or nowhere

    @Test
    void sends_a_named_provider_request_there() {
        RouteDecision.To to = routedTo(router.route(aRequest("nano-banana-pro").provider("apixo").build(), ALL,
                Set.of()));

        assertEquals(APIXO_ID, to.provider());
        assertEquals(FixtureModels.capabilities("apixo", "nano-banana-pro"), to.capabilities());
    }

    @Test
    void refuses_a_named_provider_that_is_not_configured_naming_the_configured_ones() {
        RouteDecision.Refused refused = refused(router.route(aRequest("nano-banana-pro").provider("bailian").build(),
                List.of(XENODIA, APIXO), Set.of()), ErrorCode.UNSUPPORTED_MODEL);

        assertContains(refused.message(), "'bailian' is not configured");
        assertContains(refused.message(), "apixo, xenodia");
    }

    @Test
    void refuses_a_named_provider_that_does_not_serve_the_model_naming_what_it_serves() {
        RouteDecision.Refused refused = refused(router.route(aRequest("gpt-image-2").provider("apixo").build(), ALL,
                Set.of()), ErrorCode.UNSUPPORTED_MODEL);

        assertContains(refused.message(), "'apixo' does not serve model 'gpt-image-2'");
        assertContains(refused.message(), "nano-banana-pro");
    }

    @Test
    void refuses_parameters_the_named_provider_does_not_allow_without_falling_back() {
        GenerationRequest inlineForApixo = with(aRequest("nano-banana-pro").provider("apixo"), List.of(png())).build();

        RouteDecision.Refused refused = refused(router.route(inlineForApixo, ALL, Set.of()),
                ErrorCode.UNSUPPORTED_PARAMETER);

        assertEquals(List.of(Violation.unsupported("references[0]", "inline bytes", "references sent as URL")),
                refused.violations());
        assertContains(refused.message(), "references[0] 'inline bytes' is not allowed");
    }

    @Test
    void never_falls_back_from_a_named_provider_already_tried() {
        RouteDecision.Refused refused = refused(router.route(aRequest("nano-banana-pro").provider("xenodia").build(),
                ALL, Set.of(XENODIA_ID)), ErrorCode.UNSUPPORTED_MODEL);

        assertContains(refused.message(), "no fallback");
    }

    // --- no provider named: the first in order that serves the model and accepts the request

    @Test
    void picks_the_first_provider_in_order_that_serves_the_model() {
        GenerationRequest request = aRequest("nano-banana-pro").build();

        assertEquals(XENODIA_ID, routedTo(router.route(request, List.of(XENODIA, APIXO), Set.of())).provider());
        assertEquals(APIXO_ID, routedTo(router.route(request, List.of(APIXO, XENODIA), Set.of())).provider());
    }

    @Test
    void skips_providers_that_do_not_serve_the_model() {
        assertEquals(ProviderId.of("bailian"),
                routedTo(router.route(aRequest("qwen-image").build(), ALL, Set.of())).provider());
    }

    @Test
    void skips_a_provider_whose_capabilities_refuse_the_request() {
        GenerationRequest inline = with(aRequest("nano-banana-pro"), List.of(png())).build();
        GenerationRequest nineUrls = with(aRequest("nano-banana-pro"), urls(9)).build();

        assertEquals(XENODIA_ID, routedTo(router.route(inline, List.of(APIXO, XENODIA), Set.of())).provider());
        assertEquals(APIXO_ID, routedTo(router.route(nineUrls, List.of(XENODIA, APIXO), Set.of())).provider());
    }

    @Test
    void excludes_providers_already_tried() {
        assertEquals(APIXO_ID, routedTo(router.route(aRequest("nano-banana-pro").build(), ALL, Set.of(XENODIA_ID)))
                .provider());
    }

    @Test
    void never_falls_back_to_a_provider_whose_model_cannot_do_the_request() {
        GenerationRequest inline = with(aRequest("nano-banana-pro"), List.of(png())).build();

        RouteDecision.Refused refused = refused(router.route(inline, ALL, Set.of(XENODIA_ID)),
                ErrorCode.UNSUPPORTED_PARAMETER);

        assertEquals("references[0]", refused.violations().get(0).field());
    }

    @Test
    void when_every_serving_provider_refuses_reports_the_first_ones_violations() {
        GenerationRequest elevenUrls = with(aRequest("nano-banana-pro"), urls(11)).build();

        RouteDecision.Refused refused = refused(router.route(elevenUrls, ALL, Set.of()),
                ErrorCode.UNSUPPORTED_PARAMETER);

        assertEquals(List.of(Violation.unsupported("references", "11 references", "0 to 8 references")),
                refused.violations());
        assertContains(refused.message(), "model 'nano-banana-pro' does not allow");
    }

    @Test
    void an_unserved_model_is_unsupported_listing_what_each_provider_serves() {
        RouteDecision.Refused refused = refused(router.route(aRequest("dall-e-3").build(), ALL, Set.of()),
                ErrorCode.UNSUPPORTED_MODEL);

        assertContains(refused.message(), "no configured provider serves model 'dall-e-3'");
        assertContains(refused.message(), "xenodia (nano-banana-pro, gpt-image-2)");
        assertContains(refused.message(), "apixo (nano-banana-pro)");
        assertContains(refused.message(), "bailian (wan2.2-t2i-flash, qwen-image)");
        assertEquals(List.of(), refused.violations());
    }

    @Test
    void with_no_provider_configured_says_so() {
        RouteDecision.Refused refused = refused(router.route(aRequest("nano-banana-pro").build(), List.of(),
                Set.of()), ErrorCode.UNSUPPORTED_MODEL);

        assertContains(refused.message(), "no provider is configured");
    }

    @Test
    void when_every_serving_provider_was_tried_names_them() {
        RouteDecision.Refused refused = refused(router.route(aRequest("nano-banana-pro").build(), ALL,
                Set.of(XENODIA_ID, APIXO_ID)), ErrorCode.UNSUPPORTED_MODEL);

        assertContains(refused.message(), "tried: apixo, xenodia");
    }

    // --- where capabilities come from

    @Test
    void checks_what_the_providers_offer_declares() {
        ModelCapabilities withFormats = ModelCapabilities.builder().aspectRatios("1:1")
                .outputFormats(OutputFormat.PNG).build();
        ProviderDescriptor declaring = ProviderDescriptor.of("xenodia",
                List.of(ModelOffer.declared("gpt-image-2", withFormats)));
        GenerationRequest png = aRequest("gpt-image-2").outputFormat("png").build();

        refused(router.route(png, List.of(XENODIA), Set.of()), ErrorCode.UNSUPPORTED_PARAMETER);
        RouteDecision.To to = routedTo(router.route(png, List.of(declaring), Set.of()));
        assertEquals(withFormats, to.capabilities());
    }

    @Test
    void the_same_model_is_checked_against_each_providers_own_declaration() {
        ModelCapabilities squareOnly = ModelCapabilities.builder().aspectRatios("1:1").build();
        ModelCapabilities wideOnly = ModelCapabilities.builder().aspectRatios("16:9").build();
        ProviderDescriptor square = ProviderDescriptor.of("acme", List.of(ModelOffer.declared("house-model",
                squareOnly)));
        ProviderDescriptor wide = ProviderDescriptor.of("other", List.of(ModelOffer.declared("house-model",
                wideOnly)));

        RouteDecision.To to = routedTo(router.route(aRequest("house-model").aspectRatio("16:9").build(),
                List.of(square, wide), Set.of()));
        assertEquals(ProviderId.of("other"), to.provider());
        assertEquals(wideOnly, to.capabilities());
    }

    @Test
    void refuses_what_a_model_does_not_declare() {
        ProviderDescriptor bare = ProviderDescriptor.of("acme",
                List.of(ModelOffer.declared("house-model", ModelCapabilities.builder().build())));

        RouteDecision.Refused refused = refused(router.route(aRequest("house-model").aspectRatio("1:1").seed(7L)
                .build(), List.of(bare), Set.of()), ErrorCode.UNSUPPORTED_PARAMETER);
        assertEquals(List.of("aspectRatio", "seed"), refused.violations().stream().map(Violation::field).toList());
    }

    @Test
    void a_declared_offer_serves_any_model_the_provider_names() {
        ProviderDescriptor acme = ProviderDescriptor.of("acme",
                List.of(ModelOffer.declared("house-model", ModelCapabilities.builder().maxImages(2).build())));

        assertEquals(ProviderId.of("acme"),
                routedTo(router.route(aRequest("house-model").n(2).build(), List.of(acme), Set.of())).provider());
    }

    @Test
    void applies_the_offers_refinement_before_checking() {
        ProviderDescriptor fourRefs = ProviderDescriptor.of("xenodia", List.of(FixtureModels
                .offer("xenodia", "nano-banana-pro").refinedBy(new CapabilityRefinement(null, null, 4, Map.of()))));
        GenerationRequest fiveUrls = with(aRequest("nano-banana-pro"), urls(5)).build();

        assertEquals(APIXO_ID, routedTo(router.route(fiveUrls, List.of(fourRefs, APIXO), Set.of())).provider());
        assertEquals(4, routedTo(router.route(aRequest("nano-banana-pro").build(), List.of(fourRefs), Set.of()))
                .capabilities().references().maxCount());
    }
}

package io.micronaut.http.client.archfixture;

/**
 * Lives in the Micronaut HTTP client's package namespace so that a rule proof can depend on it without Micronaut on
 * core's class path. Test sources only.
 */
public class HttpClientLookalike {
}

package dev.imagegen.core.archfixture;

import io.micronaut.http.client.archfixture.HttpClientLookalike;

/** Deliberately bad: a core class that uses (a stand-in in the package of) the Micronaut HTTP client. */
public class UsesHttpClient {

    HttpClientLookalike client;
}

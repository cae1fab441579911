package dev.imagegen.core.archfixture;

import dev.imagegen.adapter.archfixture.SomeAdapterFactory;

/** Deliberately bad: a core class that names an adapter class at compile time. */
public class UsesAnAdapter {

    SomeAdapterFactory factory = new SomeAdapterFactory();
}

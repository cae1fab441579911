package dev.imagegen.adapter.archfixture;

/** Stands in for an adapter class (it lives under {@code dev.imagegen.adapter}); used only by rule proofs. */
public class SomeAdapterFactory {
}

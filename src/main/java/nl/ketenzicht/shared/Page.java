package nl.ketenzicht.shared;

import java.util.List;

/** One page of a list, with the total so that a client can show "21–40 of 312". */
public record Page<T>(List<T> items, long total, int offset, int limit) {}

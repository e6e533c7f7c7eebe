package nl.ketenzicht.linkage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links registrations into persons in memory: union-find over the key variants. Two registrations
 * are the same person when they share the key of any one variant, and linking is transitive (if A
 * shares a key with B and B with C, then A, B and C are one person, even if A and C share none).
 *
 * <p>The database keeps the same partition incrementally (see {@code RegistrationRepository}); this
 * class is the reference for it, for re-linking a person after a deletion, and for bulk loads.
 * Registrations are numbered 0, 1, 2, … in the order they are added; a person is named by the
 * smallest registration number in it.
 */
public final class Linker {

    private final Map<KeyVariant, Map<String, Integer>> firstWithKey = new EnumMap<>(KeyVariant.class);
    private final List<Integer> parent = new ArrayList<>();

    public Linker() {
        for (KeyVariant v : KeyVariant.values()) {
            firstWithKey.put(v, new HashMap<>());
        }
    }

    /** Adds a registration; says through which variant it joined an earlier one, if any. */
    public Optional<KeyVariant> add(LinkageKeys keys) {
        int me = parent.size();
        parent.add(me);
        KeyVariant strongest = null;
        for (KeyVariant v : KeyVariant.values()) {
            Integer earlier = firstWithKey.get(v).putIfAbsent(keys.get(v), me);
            if (earlier != null) {
                union(me, earlier);
                strongest = strongest == null ? v : strongest;
            }
        }
        return Optional.ofNullable(strongest);
    }

    /** The person of registration i: the smallest registration number linked to it. */
    public int person(int i) {
        int root = i;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(i) != root) { // path compression
            int next = parent.get(i);
            parent.set(i, root);
            i = next;
        }
        return root;
    }

    public int size() {
        return parent.size();
    }

    private void union(int a, int b) {
        int ra = person(a);
        int rb = person(b);
        if (ra != rb) {
            parent.set(Math.max(ra, rb), Math.min(ra, rb)); // the smaller number names the person
        }
    }
}

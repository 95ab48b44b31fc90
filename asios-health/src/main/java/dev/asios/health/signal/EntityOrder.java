package dev.asios.health.signal;

import java.util.Comparator;

/** Entities in the order the registry lists label values: numbers (CPUs, nodes) as numbers, other names as text. */
final class EntityOrder implements Comparator<String> {

    static final EntityOrder INSTANCE = new EntityOrder();

    private EntityOrder() {
    }

    @Override
    public int compare(String a, String b) {
        boolean numbers = isNumber(a) && isNumber(b);
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

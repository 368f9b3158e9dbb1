package io.mq.protocol;

/** Kafka's rules for legal topic names. */
public final class TopicNames {

    /** Kafka's internal topic holding committed offsets (written by the group coordinator only). */
    public static final String CONSUMER_OFFSETS = "__consumer_offsets";

    /** Longest legal topic name. */
    public static final int MAX_LENGTH = 249;

    private TopicNames() {
    }

    /** Whether only the broker writes {@code name}: clients may not produce to, grow or delete it. */
    public static boolean isBrokerManaged(String name) {
        return CONSUMER_OFFSETS.equals(name);
    }

    /** Returns {@code null} if {@code name} is legal, otherwise why it is not. */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            return "topic name is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "topic name cannot be '.' or '..'";
        }
        if (name.length() > MAX_LENGTH) {
            return "topic name is " + name.length() + " characters, more than the maximum " + MAX_LENGTH;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (!legal) {
                return "topic name '" + name + "' contains '" + c + "'; legal characters are ASCII letters, digits, '.', '_' and '-'";
            }
        }
        return null;
    }
}

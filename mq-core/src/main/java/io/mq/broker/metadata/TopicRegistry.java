package io.mq.broker.metadata;

import io.mq.broker.storage.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The broker's durable metadata: topics (name, id, partition count, configs) and the producer-id block. Every change
 * is written atomically to {@code topics.properties} before it becomes visible. Reads are lock-free over an
 * immutable snapshot; changes are serialized by the caller (the broker's control thread) and may do blocking I/O.
 */
public final class TopicRegistry {

    /** Producer ids are reserved durably in blocks of this size, so a restart never reuses one. */
    static final long PRODUCER_ID_BLOCK = 1000;
    private static final String FILE_NAME = "topics.properties";

    private final Path file;
    private volatile Map<String, Topic> topics;
    private long nextProducerId;
    private long producerIdBlockEnd;

    private TopicRegistry(Path file, Map<String, Topic> topics, long producerIdBlockEnd) {
        this.file = file;
        this.topics = topics;
        this.nextProducerId = producerIdBlockEnd;
        this.producerIdBlockEnd = producerIdBlockEnd;
    }

    /** Loads the registry from {@code dir}, or starts an empty one. */
    public static TopicRegistry load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        Properties props = new Properties();
        if (Files.exists(file)) {
            try {
                props.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read broker metadata " + file, e);
            }
        }
        Map<String, Topic> topics = new HashMap<>();
        int count = Integer.parseInt(props.getProperty("topics", "0"));
        for (int i = 0; i < count; i++) {
            String prefix = "topic." + i + ".";
            Map<String, String> configs = new HashMap<>();
            String configPrefix = prefix + "config.";
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith(configPrefix)) {
                    configs.put(key.substring(configPrefix.length()), props.getProperty(key));
                }
            }
            Topic topic = new Topic(props.getProperty(prefix + "name"), UUID.fromString(props.getProperty(prefix + "id")),
                    Integer.parseInt(props.getProperty(prefix + "partitions")), configs);
            topics.put(topic.name(), topic);
        }
        long blockEnd = Long.parseLong(props.getProperty("producer.id.block.end", "0"));
        return new TopicRegistry(file, Map.copyOf(topics), blockEnd);
    }

    /** The topic named {@code name}, or {@code null}. */
    public Topic get(String name) {
        return topics.get(name);
    }

    /** The topic with id {@code id}, or {@code null}. */
    public Topic byId(UUID id) {
        for (Topic topic : topics.values()) {
            if (topic.id().equals(id)) {
                return topic;
            }
        }
        return null;
    }

    /** Every topic. */
    public Collection<Topic> all() {
        return topics.values();
    }

    /** Creates and persists a topic with a fresh id. The caller validated name, count and configs. */
    public synchronized Topic create(String name, int partitions, Map<String, String> configs) {
        if (topics.containsKey(name)) {
            throw new IllegalStateException("topic " + name + " already exists");
        }
        Topic topic = new Topic(name, newTopicId(), partitions, configs);
        replace(name, topic);
        return topic;
    }

    /** Removes and persists; returns the removed topic or {@code null}. */
    public synchronized Topic delete(String name) {
        Topic topic = topics.get(name);
        if (topic != null) {
            replace(name, null);
        }
        return topic;
    }

    /** Persists a new partition count (the caller checked it grows). */
    public synchronized Topic setPartitions(String name, int partitions) {
        Topic old = require(name);
        Topic topic = new Topic(name, old.id(), partitions, old.configs());
        replace(name, topic);
        return topic;
    }

    /** Persists a new set of configs for the topic. */
    public synchronized Topic setConfigs(String name, Map<String, String> configs) {
        Topic old = require(name);
        Topic topic = new Topic(name, old.id(), old.partitions(), configs);
        replace(name, topic);
        return topic;
    }

    /** A producer id never handed out before, across restarts. */
    public synchronized long nextProducerId() {
        if (nextProducerId >= producerIdBlockEnd) {
            producerIdBlockEnd = nextProducerId + PRODUCER_ID_BLOCK;
            persist(topics);
        }
        return nextProducerId++;
    }

    private Topic require(String name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new IllegalStateException("unknown topic " + name);
        }
        return topic;
    }

    private void replace(String name, Topic topic) {
        Map<String, Topic> next = new HashMap<>(topics);
        if (topic == null) {
            next.remove(name);
        } else {
            next.put(name, topic);
        }
        persist(next);
        topics = Map.copyOf(next);
    }

    private void persist(Map<String, Topic> snapshot) {
        Map<String, String> props = new TreeMap<>();
        props.put("producer.id.block.end", Long.toString(producerIdBlockEnd));
        props.put("topics", Integer.toString(snapshot.size()));
        int i = 0;
        for (Topic topic : snapshot.values()) {
            String prefix = "topic." + i++ + ".";
            props.put(prefix + "name", topic.name());
            props.put(prefix + "id", topic.id().toString());
            props.put(prefix + "partitions", Integer.toString(topic.partitions()));
            topic.configs().forEach((k, v) -> props.put(prefix + "config." + k, v));
        }
        StringBuilder text = new StringBuilder("# mq broker metadata\n");
        props.forEach((key, value) -> text.append(escape(key)).append('=').append(escape(value)).append('\n'));
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write broker metadata " + file, e);
        }
    }

    /**
     * A key or value in {@link Properties#load(java.io.Reader)} syntax. Written by hand rather than with
     * {@code Properties.store}, whose date comment loads the time-zone names of the locale data (~10 ms on a cold
     * start, on the path of the first topic creation).
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!', ' ' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A random (version 4) topic id. Ids must be unique within the broker and differ when a topic is re-created;
     * they are not secrets, so this draws from {@link ThreadLocalRandom} instead of {@code UUID.randomUUID()}'s
     * {@code SecureRandom}, whose first use (provider set-up) costs ~10 ms on the startup path.
     */
    static UUID newTopicId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSigBits = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSigBits = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSigBits, leastSigBits);
    }
}

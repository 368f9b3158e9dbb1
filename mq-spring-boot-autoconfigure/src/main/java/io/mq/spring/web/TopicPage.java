package io.mq.spring.web;

import java.util.List;

/**
 * Body of {@code GET /admin/topics}: one page of the topics matching the filter, ordered by name.
 *
 * @param items      the topics of this page
 * @param page       the page index, from 0
 * @param size       the page size asked for
 * @param totalItems the number of matching topics over all pages
 * @param totalPages the number of pages
 */
public record TopicPage(List<TopicSummary> items, int page, int size, int totalItems, int totalPages) {
}

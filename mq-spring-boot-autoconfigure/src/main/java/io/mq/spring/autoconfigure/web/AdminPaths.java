package io.mq.spring.autoconfigure.web;

import io.mq.spring.autoconfigure.MqProperties;

/** The path pattern of the admin API from {@code mq.admin.web.base-path}. */
final class AdminPaths {

    private AdminPaths() {
    }

    /** {@code <base-path>/**}, matching the base path itself and everything under it. */
    static String pattern(MqProperties properties) {
        String base = properties.getAdmin().getWeb().getBasePath().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.startsWith("/")) {
            base = "/" + base;
        }
        return (base.equals("/") ? "" : base) + "/**";
    }
}

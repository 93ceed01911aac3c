package org.senda.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the whole application on a real port: the demo trust seeded into a fresh database
 * (in-memory H2, or a new PostgreSQL database when {@code -Dsenda.test.database=postgresql}), a real SMTP server
 * (GreenMail) and a real OIDC provider (mock-oauth2-server). Every test class with this annotation shares one
 * Spring context, so the suite starts Senda once per database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"senda.demo.enabled=true", "spring.thymeleaf.cache=true",
        "senda.diagnostics.sql-statements-header=true"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestServers.class)
public @interface SendaTest {}

package io.github.linli.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A portal application with nothing but the starter (in its own package, as applications are). */
@SpringBootApplication
public class PortalApp {}

package io.github.linli.timebank;

import io.github.linli.core.internal.sql.DataSourceBase;

/** The parts of a {@link javax.sql.DataSource} a test never uses come from core's base; subclasses give the connections. */
abstract class TestDataSourceBase extends DataSourceBase {}

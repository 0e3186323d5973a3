package coop.cooperage.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The connection pool. Values come from MicroProfile Config so that COOP_DB_URL,
 * COOP_DB_USER and COOP_DB_PASSWORD override the defaults (which suit the demo launcher).

 */
@Singleton
@DataSourceDefinition(
        name = Database.JNDI,
        className = "org.mariadb.jdbc.MariaDbDataSource",
        url = "${MPCONFIG=coop.db.url}",
        user = "${MPCONFIG=coop.db.user}",
        password = "${MPCONFIG=coop.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.sql-trace-listeners=",
        })
public class Database {
    public static final String JNDI = "java:app/jdbc/cooperage";
}

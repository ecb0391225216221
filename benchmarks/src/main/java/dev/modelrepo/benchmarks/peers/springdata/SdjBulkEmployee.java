package dev.modelrepo.benchmarks.peers.springdata;

import org.springframework.data.relational.core.mapping.Table;

/** The bulk benchmarks' rows as a Spring Data JDBC entity: the employees' columns on another table (a null id is generated). */
@Table("employees_bulk")
public class SdjBulkEmployee extends SdjBigEmployee {
}

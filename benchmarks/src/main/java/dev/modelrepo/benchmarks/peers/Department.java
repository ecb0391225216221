package dev.modelrepo.benchmarks.peers;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

@Table(name = "departments")
public class Department extends Model {
}

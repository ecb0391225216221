/** The sample's JSON API: companies, departments, employees, posts, accounts and transfers, and a CSV export. */
@NullMarked
package dev.modelrepo.sample.web;

import org.jspecify.annotations.NullMarked;

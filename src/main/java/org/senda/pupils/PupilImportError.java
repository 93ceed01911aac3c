package org.senda.pupils;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one cell (or one column) of an import file, in words a school administrator can act on.
 *
 * @param row the spreadsheet row number (header = 1), or 1 for a problem with the header itself
 * @param column the canonical column name
 * @param value what the file holds, when there is a value
 * @param message what is wrong, e.g. "The UPN check letter is wrong"
 * @param fix how to fix it, e.g. "Copy the UPN again from the MIS"
 */
public record PupilImportError(int row, String column, @Nullable String value, String message, String fix) {}

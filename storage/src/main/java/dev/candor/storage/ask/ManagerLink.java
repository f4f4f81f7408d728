package dev.candor.storage.ask;

/** A manager and their own manager (null at the top), for walking up the line. */
public record ManagerLink(long id, Long managerId) {}

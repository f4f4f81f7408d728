package dev.candor.scheduler;

final class Placeholder {}

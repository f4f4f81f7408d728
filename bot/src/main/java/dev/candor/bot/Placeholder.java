package dev.candor.bot;

final class Placeholder {}

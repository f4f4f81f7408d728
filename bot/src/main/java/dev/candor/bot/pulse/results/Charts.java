package dev.candor.bot.pulse.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chart pictures drawn with Java2D, headless: a bar chart of a question's distribution and a line chart of a score
 * over rounds. Each is {@link #WIDTH} by {@link #HEIGHT} pixels, big enough to read in a chat message; the words
 * next to it carry the same numbers.
 */
public final class Charts {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 360;
    private static final int LEFT = 56;
    private static final int RIGHT = 24;
    private static final int TOP = 68;
    private static final int BOTTOM = 48;
    private static final Color BAR = new Color(0x4A, 0x6C, 0xF7);
    private static final Color GRID = new Color(0xE3, 0xE6, 0xEB);
    private static final Color INK = new Color(0x1D, 0x1C, 0x1D);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Logger log = LoggerFactory.getLogger(Charts.class);

    /** Whether this JVM can draw text into a picture; a server without any font can't (see {@link #available}). */
    private static volatile Boolean drawable;

    private Charts() {}

    /**
     * Whether charts can be drawn here: Java2D needs at least one font from the system (fontconfig), which a minimal
     * server image may lack. Tried once; without it results show their text alone and say why.
     */
    public static boolean available() {
        Boolean known = drawable;
        if (known == null) {
            try {
                bars("", List.of("1"), List.of(1));
                known = true;
            } catch (RuntimeException | InternalError | LinkageError | java.awt.AWTError e) {
                log.warn(
                        "survey charts are left out: Java can't draw text on this server ({}); install a font, e.g."
                                + " fonts-dejavu-core",
                        e.getClass().getSimpleName());
                known = false;
            }
            drawable = known;
        }
        return known;
    }

    /** Bars of counts, one per label, with each count written above its bar. */
    public static byte[] bars(String title, List<String> labels, List<Integer> counts) {
        int highest =
                Math.max(1, counts.stream().mapToInt(Integer::intValue).max().orElse(1));
        return draw(title, graphics -> {
            double slot = plotWidth() / (double) labels.size();
            for (int i = 0; i < labels.size(); i++) {
                int barHeight = (int) Math.round(plotHeight() * counts.get(i) / (double) highest);
                int x = (int) (LEFT + i * slot + slot * 0.15);
                int width = Math.max(2, (int) (slot * 0.7));
                graphics.setColor(BAR);
                graphics.fillRect(x, HEIGHT - BOTTOM - barHeight, width, barHeight);
                graphics.setColor(INK);
                centre(graphics, Integer.toString(counts.get(i)), x + width / 2, HEIGHT - BOTTOM - barHeight - 6);
                centre(graphics, labels.get(i), x + width / 2, HEIGHT - BOTTOM + 20);
            }
        });
    }

    /** A line through values from {@code low} to {@code high}, one point per label (a round). */
    public static byte[] line(String title, List<String> labels, List<Double> values, double low, double high) {
        return draw(title, graphics -> {
            int inset = 48;
            double step = labels.size() > 1 ? (plotWidth() - 2.0 * inset) / (labels.size() - 1) : 0;
            int[] xs = new int[labels.size()];
            int[] ys = new int[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                xs[i] = (int) Math.round(LEFT + (labels.size() > 1 ? inset + i * step : plotWidth() / 2.0));
                ys[i] = (int) Math.round(HEIGHT - BOTTOM - plotHeight() * (values.get(i) - low) / (high - low));
            }
            graphics.setColor(INK);
            graphics.drawString(scale(low), 8, HEIGHT - BOTTOM + 5);
            graphics.drawString(scale(high), 8, TOP + 5);
            graphics.setColor(BAR);
            graphics.setStroke(new BasicStroke(3f));
            graphics.drawPolyline(xs, ys, xs.length);
            for (int i = 0; i < labels.size(); i++) {
                graphics.setColor(BAR);
                graphics.fillOval(xs[i] - 5, ys[i] - 5, 10, 10);
                graphics.setColor(INK);
                centre(graphics, String.format(java.util.Locale.ROOT, "%.1f", values.get(i)), xs[i], ys[i] - 10);
                centre(graphics, labels.get(i), xs[i], HEIGHT - BOTTOM + 20);
            }
        });
    }

    private interface Plot {
        void draw(Graphics2D graphics);
    }

    private static byte[] draw(String title, Plot plot) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            graphics.setColor(GRID);
            for (int i = 0; i <= 4; i++) {
                int y = HEIGHT - BOTTOM - (int) (plotHeight() * i / 4.0);
                graphics.drawLine(LEFT, y, WIDTH - RIGHT, y);
            }
            graphics.setColor(INK);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            graphics.drawString(fit(graphics, title, WIDTH - 2 * RIGHT), RIGHT, 30);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            plot.draw(graphics);
        } finally {
            graphics.dispose();
        }
        return png(image);
    }

    private static String fit(Graphics2D graphics, String text, int width) {
        FontMetrics metrics = graphics.getFontMetrics();
        String shown = text;
        while (metrics.stringWidth(shown) > width && shown.length() > 1) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        return shown;
    }

    private static void centre(Graphics2D graphics, String text, int x, int baseline) {
        graphics.drawString(text, x - graphics.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static String scale(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /**
     * The picture as a PNG: 8-bit RGB, every row filtered "Up" (a chart's rows mostly repeat the one above, so they
     * become zeros) and deflated at best speed. ImageIO's writer tries five filters on every row and took most of a
     * chart's time; this one writes the same picture in a fraction of it.
     */
    static byte[] png(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] above = new int[width];
        int[] row = new int[width];
        // A drawn chart's pixels are read straight from its buffer; any other picture through getRGB.
        int[] drawn = image.getType() == BufferedImage.TYPE_INT_RGB
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : null;
        byte[] line = new byte[1 + 3 * width];
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(pixels, deflater, 1 << 16)) {
            for (int y = 0; y < height; y++) {
                if (drawn != null) {
                    System.arraycopy(drawn, y * width, row, 0, width);
                } else {
                    image.getRGB(0, y, width, 1, row, 0, width);
                }
                line[0] = 2; // Up
                for (int x = 0; x < width; x++) {
                    int now = row[x];
                    int was = above[x];
                    line[1 + 3 * x] = (byte) ((now >> 16) - (was >> 16));
                    line[2 + 3 * x] = (byte) ((now >> 8) - (was >> 8));
                    line[3 + 3 * x] = (byte) (now - was);
                }
                deflated.write(line);
                int[] swap = above;
                above = row;
                row = swap;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.size() + 64);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", pixels.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

package dev.candor.bot.pulse.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void drawsABarChartAsAPngOfTheChartSize() throws Exception {
        byte[] png = Charts.bars("How is your workload?", List.of("1", "2", "3", "4", "5"), List.of(2, 5, 9, 3, 1));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        assertThat(distinctColours(image)).isGreaterThan(3);
    }

    @Test
    void drawsALineChartEvenForOneRoundAndAnEmptyDistribution() throws Exception {
        byte[] line = Charts.line("eNPS question", List.of("2026-W49"), List.of(7.5), 0, 10);
        byte[] empty = Charts.bars("Nobody answered", List.of("Yes", "No"), List.of(0, 0));

        assertThat(ImageIO.read(new ByteArrayInputStream(line)).getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(ImageIO.read(new ByteArrayInputStream(empty)).getHeight()).isEqualTo(Charts.HEIGHT);
    }

    @Test
    void thePngHoldsEveryPixelOfThePictureExactly() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage picture = new BufferedImage(37, 23, type);
            for (int y = 0; y < picture.getHeight(); y++) {
                for (int x = 0; x < picture.getWidth(); x++) {
                    // noise, and rows repeating the row above, as charts mostly do
                    picture.setRGB(x, y, y % 3 == 1 ? picture.getRGB(x, y - 1) : 0xFF000000 | random.nextInt());
                }
            }

            BufferedImage read = ImageIO.read(new ByteArrayInputStream(Charts.png(picture)));

            assertThat(read.getWidth()).isEqualTo(37);
            assertThat(read.getHeight()).isEqualTo(23);
            for (int y = 0; y < picture.getHeight(); y++) {
                for (int x = 0; x < picture.getWidth(); x++) {
                    assertThat(read.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(picture.getRGB(x, y));
                }
            }
        }
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

import sharp from "sharp";

/** The longest side of a thumbnail, in pixels: twice what lists show, for sharp screens. */
const THUMBNAIL_SIZE = 320;

/**
 * A small WebP copy of a photo, turned upright (EXIF orientation) and stripped of its metadata
 * (a phone's location included), or null when the image cannot be decoded: such a file is kept
 * and offered for download, without a picture. sharp refuses images of more than 268 megapixels.
 */
export async function makeThumbnail(image: Uint8Array): Promise<Buffer | null> {
  try {
    return await sharp(image)
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
  } catch {
    return null;
  }
}

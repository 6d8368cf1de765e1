import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ALICE, createProject, image, login, startServer, upload, uploadForm } from './helpers';

const imageError = (message: string, field: string | null = 'image') => ({
  status: 400,
  body: { success: false, error: { message, code: 'VALIDATION_ERROR', statusCode: 400, ...(field ? { field } : {}) } },
});

describe('sync server: upload validation', () => {
  it('checks the image by content, size and sides in the handler: 400 VALIDATION_ERROR, nothing stored or charged', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const send = (bytes: Buffer | undefined, name: string) => upload(server, token, id, uploadForm(bytes, name));

    expect(await send(Buffer.from('just some text, not an image at all'), 'fake.png')).toMatchObject(
      imageError('Could not determine file type. The file may be corrupted or not a valid image'),
    );
    const gif = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(await send(gif, 'anim.gif')).toMatchObject(
      imageError('Invalid image format. Only image/jpeg, image/png, image/webp are allowed. Detected: image/gif'),
    );
    const png = await image('png');
    expect(await send(png, 'photo.jpg')).toMatchObject(
      imageError('File extension .jpg does not match actual file type image/png. This may indicate a spoofed file.'),
    );
    expect(await send(png, 'photo')).toMatchObject(imageError('Invalid file extension. Only .jpg, .jpeg, .png, .webp are allowed'));
    expect(await send(await image('png', 255, 300), 'small.png')).toMatchObject(imageError('Image too small. Minimum dimensions are 256x256 pixels'));
    expect(await send(await image('png', 300, 4097), 'tall.png')).toMatchObject(imageError('Image too large. Maximum dimensions are 4096x4096 pixels'));
    const huge = Buffer.concat([png.subarray(0, 16), Buffer.alloc(10 * 1024 * 1024)]);
    expect(await send(huge, 'huge.png')).toMatchObject(imageError('File too large. Maximum size is 10MB'));
    const truncated = png.subarray(0, 40);
    expect(await send(truncated, 'broken.png')).toMatchObject(imageError('Invalid image file. Unable to read image metadata'));
    expect(await send(Buffer.alloc(0), 'empty.png')).toMatchObject(imageError('File is empty', null));
    expect(await send(undefined, '')).toMatchObject(imageError('Image file is required', null));

    for (const [format, name] of [['png', 'ok.png'], ['jpeg', 'ok.jpeg'], ['webp', 'ok.webp']] as const) {
      expect((await send(await image(format, 256, 4096), name)).status).toBe(200);
    }
    expect(server.db.avatars()).toHaveLength(3);
    expect(server.db.charges(ALICE.email)).toBe(3);
  });

  it('validates the fields as middleware does: HTTP 500 "Form validation failed: <field>: <message>"', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const png = await image('png');
    const send = async (fields: Record<string, string>) => (await upload(server, token, id, uploadForm(png, 'a.png', fields))).body;

    expect(await upload(server, token, id, uploadForm(png, 'a.png', {}))).toMatchObject({
      status: 500,
      body: { error: 'Form validation failed: name: Required' },
    });
    expect(await send({ name: 'x'.repeat(101) })).toEqual({ error: 'Form validation failed: name: Avatar name too long (max 100 characters)' });
    expect(await send({ name: 'A', personaAge: '0' })).toEqual({ error: 'Form validation failed: personaAge: Age must be at least 1' });
    expect(await send({ name: 'A', personaAge: '30.5' })).toEqual({ error: 'Form validation failed: personaAge: Age must be an integer' });
    expect(await send({ name: 'A', personaAge: 'thirty' })).toEqual({ error: 'Form validation failed: personaAge: Expected number, received string' });
    expect(await send({ name: 'A', personaPersonality: 'calm, kind' })).toEqual({
      error: 'Form validation failed: personaPersonality: Expected array, received string',
    });
    expect(await send({ name: 'A', personaPersonality: JSON.stringify(Array(11).fill('t')) })).toEqual({
      error: 'Form validation failed: personaPersonality: Too many personality traits (max 10)',
    });
    expect(await send({ name: 'A', ageRange: 'old' })).toEqual({ error: 'Form validation failed: ageRange: Age range must be one of: young, adult, mature' });
    expect(await send({ name: 'A', style: 's'.repeat(51) })).toEqual({ error: 'Form validation failed: style: Style too long (max 50 characters)' });
    expect(await send({ name: 'A', personaBackground: 'b'.repeat(501) })).toEqual({
      error: 'Form validation failed: personaBackground: Background too long (max 500 characters)',
    });
    expect(await send({ name: 'A', gender: 'x', ageRange: 'y', style: 's'.repeat(51) })).toEqual({
      error: 'Form validation failed: Invalid gender, ageRange and 1 more field(s)',
    });
    // The cloud turns numeric-looking text into numbers before validating: such names cannot be uploaded.
    expect(await send({ name: '2024' })).toEqual({ error: 'Form validation failed: name: Expected string, received number' });
    expect(await send({ name: 'A', personaName: '007' })).toEqual({ error: 'Form validation failed: personaName: Expected string, received number' });
    // Empty text counts as absent.
    expect(await send({ name: 'A', hairColor: '' })).toMatchObject({ avatar: { hairColor: null } });
    expect(server.db.avatars()).toHaveLength(1);
    expect(server.db.charges(ALICE.email)).toBe(1);
  });

  it('checks credits before the fields, and the fields before the image and the project', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const { id } = await createProject(server, token);
    expect((await upload(server, token, 'no-such-project', uploadForm(Buffer.from('x'), 'a.png', {}))).body).toEqual({
      error: 'Form validation failed: name: Required',
    });
    expect((await upload(server, token, 'no-such-project', uploadForm(undefined, '', { name: 'A' }))).status).toBe(400);
    expect((await upload(server, token, 'no-such-project', uploadForm(await image('png'), 'a.png'))).status).toBe(404);
    server.db.setCreditBalance(ALICE.email, 1);
    expect(await upload(server, token, id, uploadForm(undefined, '', {}))).toMatchObject({
      status: 402,
      body: { error: 'Insufficient credits', required: 2, current: 1 },
    });
  });
});

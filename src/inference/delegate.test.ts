import { describe, expect, it } from 'vitest';
import { chooseDelegate } from './delegate';

describe('chooseDelegate', () => {
  it('picks CPU on software renderers and without WebGL2', () => {
    expect(chooseDelegate('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)').delegate).toBe('CPU');
    expect(chooseDelegate('llvmpipe (LLVM 15.0.6, 256 bits)').delegate).toBe('CPU');
    expect(chooseDelegate(null).delegate).toBe('CPU');
  });

  it('picks GPU on a hardware renderer', () => {
    expect(chooseDelegate('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)').delegate).toBe('GPU');
  });
});

import type { io } from '@tensorflow/tfjs';

export declare const COMMITTED_MODEL_DIR: string;
export declare function readModelArtifacts(dir?: string): io.ModelArtifacts;

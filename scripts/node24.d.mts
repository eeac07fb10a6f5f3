export const NODE24_VERSION: string
export const NODE24_PREFIX: string
export const node24Path: string
